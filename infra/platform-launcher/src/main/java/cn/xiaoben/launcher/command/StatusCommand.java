package cn.xiaoben.launcher.command;

import java.nio.file.Files;
import java.util.Optional;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.health.HealthCheck;
import cn.xiaoben.launcher.health.HealthChecks;
import cn.xiaoben.launcher.process.PidFile;

/** {@code status}: component, pid, port, health. Exit code 0 when everything is UP, 3 otherwise. */
public final class StatusCommand {

	private final LauncherConfig config;

	private final Console console;

	public StatusCommand(LauncherConfig config, Console console) {
		this.config = config;
		this.console = console;
	}

	public int run() {
		ComponentCatalog catalog = ComponentCatalog.of(config).select(config.only());
		console.line("%-19s %-8s %-6s %s", "COMPONENT", "PID", "PORT", "HEALTH");
		boolean allUp = true;
		for (Component component : catalog.all()) {
			PidFile pidFile = new PidFile(config.runDir(), component.name());
			Optional<ProcessHandle> process = pidFile.liveProcess();
			String health;
			if (process.isPresent()) {
				try (HealthCheck check = HealthChecks.forComponent(component, config)) {
					health = check.isHealthy() ? "UP" : "RUNNING, NOT READY";
				}
			}
			else {
				health = pidFile.exists() ? "CRASHED (stale pid file)" : "STOPPED";
			}
			allUp &= health.equals("UP");
			console.line("%-19s %-8s %-6d %s", component.name(), process.map(p -> String.valueOf(p.pid())).orElse("-"),
					component.port(), health);
		}
		if (catalog.find("gateway").isPresent()) {
			console.line("gateway URL: %s%s", config.gatewayUrl(),
					Files.exists(config.demoCredentialsFile()) ? "   demo credentials: " + config.demoCredentialsFile()
							: "");
		}
		return allUp ? 0 : 3;
	}
}
