package cn.xiaoben.launcher.component;

import java.util.ArrayList;
import java.util.List;

/**
 * One OS process of the stack.
 *
 * @param name component name (also log and pid file name)
 * @param kind how it is started and probed
 * @param port the main port (offset applied)
 * @param extraPorts further ports it binds (offset applied), e.g. the Kafka controller listener
 * @param database the MongoDB database of a service, {@code null} otherwise
 * @param jar the fat jar relative to the repository root, {@code null} for mongo and kafka
 */
public record Component(String name, Kind kind, int port, List<Integer> extraPorts, String database, String jar) {

	public Component {
		extraPorts = List.copyOf(extraPorts);
	}

	/** Every port this component binds, main port first. */
	public List<Integer> ports() {
		List<Integer> all = new ArrayList<>();
		all.add(port);
		all.addAll(extraPorts);
		return all;
	}

	public boolean isSpringBoot() {
		return kind == Kind.SERVICE || kind == Kind.GATEWAY;
	}
}
