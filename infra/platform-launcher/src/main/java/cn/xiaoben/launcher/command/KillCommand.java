package cn.xiaoben.launcher.command;

import java.util.Optional;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.process.PidFile;
import cn.xiaoben.launcher.process.ProcessStopper;

/**
 * {@code kill <component>}: SIGKILL, no shutdown hooks, the pid file stays behind, exactly like a crash.
 * {@code restart} or {@code up} brings it back.
 */
public final class KillCommand {

	private final LauncherConfig config;

	private final Console console;

	public KillCommand(LauncherConfig config, Console console) {
		this.config = config;
		this.console = console;
	}

	public int run(String name) {
		Component component = ComponentCatalog.of(config).get(name);
		Optional<ProcessHandle> process = new PidFile(config.runDir(), component.name()).liveProcess();
		if (process.isEmpty()) {
			console.line("%s is not running", name);
			return 0;
		}
		ProcessStopper.kill(process.get());
		console.line("killed %s (pid %d) with SIGKILL; pid file kept as after a crash", name, process.get().pid());
		return 0;
	}
}
