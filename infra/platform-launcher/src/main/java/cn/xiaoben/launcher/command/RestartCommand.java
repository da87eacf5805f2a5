package cn.xiaoben.launcher.command;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.xiaoben.launcher.LauncherException;
import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.ports.PortChecker;
import cn.xiaoben.launcher.ports.PortConflict;
import cn.xiaoben.launcher.ports.PortProbe;
import cn.xiaoben.launcher.secrets.BureauClient;

/** {@code restart <component>}: stop it if it runs (or clear its stale pid file), start it, wait for health. */
public final class RestartCommand {

	private final LauncherConfig config;

	private final Console console;

	private final PortProbe portProbe;

	public RestartCommand(LauncherConfig config, Console console, PortProbe portProbe) {
		this.config = config;
		this.console = console;
		this.portProbe = portProbe;
	}

	public int run(String name) {
		Component component = ComponentCatalog.of(config).get(name);
		Supervisor supervisor = new Supervisor(config, console);
		supervisor.createDirectories();
		LaunchSpecs.requireJars(List.of(component), config);
		String stopped = supervisor.stop(component);
		if (stopped != null) {
			console.line("  %s", stopped);
		}
		List<PortConflict> conflicts = new PortChecker(portProbe).conflicts(List.of(component));
		if (!conflicts.isEmpty()) {
			throw new LauncherException(conflicts.get(0) + "; " + name + " was not started");
		}
		Process process = supervisor.start(component, BureauClient.loadOrCreate(config.secretsDir()));
		Supervisor.Outcome outcome = supervisor.awaitHealthy(component, process.toHandle(), process,
				new AtomicBoolean());
		if (outcome instanceof Supervisor.Healthy healthy) {
			console.line("  ok  %-19s pid %-7d port %-6d healthy after %s", name, healthy.pid(), component.port(),
					Console.seconds(healthy.elapsed()));
			return 0;
		}
		supervisor.reportFailure((Supervisor.Failed) outcome);
		supervisor.stop(component);
		throw new LauncherException(name + " did not start; it is stopped again");
	}
}
