package cn.xiaoben.launcher.ports;

import java.util.ArrayList;
import java.util.List;

import cn.xiaoben.launcher.component.Component;

/** Checks every port of every component before anything is started. */
public final class PortChecker {

	private final PortProbe probe;

	public PortChecker(PortProbe probe) {
		this.probe = probe;
	}

	public List<PortConflict> conflicts(List<Component> components) {
		List<PortConflict> conflicts = new ArrayList<>();
		for (Component component : components) {
			for (int port : component.ports()) {
				if (!probe.isFree(port)) {
					conflicts.add(new PortConflict(component.name(), port));
				}
			}
		}
		return conflicts;
	}
}
