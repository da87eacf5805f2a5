package cn.xiaoben.launcher.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.process.ProcessStopper;
import cn.xiaoben.launcher.process.StrayProcesses;

/**
 * {@code down}: stops stage by stage in reverse start order (the components of one stage in parallel), SIGTERM
 * then SIGKILL after 20 s, removes pid files, then sweeps any process of this var dir that lost its pid file.
 */
public final class DownCommand {

	private final LauncherConfig config;

	private final Console console;

	public DownCommand(LauncherConfig config, Console console) {
		this.config = config;
		this.console = console;
	}

	public int run() {
		ComponentCatalog catalog = ComponentCatalog.of(config).select(config.only());
		Supervisor supervisor = new Supervisor(config, console);
		int stopped = stopStages(supervisor, catalog, console);
		if (config.only().isEmpty()) {
			for (ProcessHandle stray : StrayProcesses.of(config.var())) {
				boolean clean = ProcessStopper.stop(stray, ProcessStopper.GRACE);
				console.line("  %-19s pid %-7d %s", "(no pid file)", stray.pid(), clean ? "stopped" : "killed");
				stopped++;
			}
		}
		console.line(stopped == 0 ? "nothing was running" : "platform stopped");
		return 0;
	}

	/** Returns how many processes were stopped. */
	static int stopStages(Supervisor supervisor, ComponentCatalog catalog, Console console) {
		List<List<Component>> stages = new ArrayList<>(catalog.stages());
		java.util.Collections.reverse(stages);
		int stopped = 0;
		for (List<Component> stage : stages) {
			List<CompletableFuture<String>> results = stage.stream()
				.map(c -> CompletableFuture.supplyAsync(() -> supervisor.stop(c)))
				.toList();
			for (CompletableFuture<String> result : results) {
				String line = result.join();
				if (line != null) {
					if (console != null) {
						console.line("  %s", line);
					}
					if (!line.contains("was not running")) {
						stopped++;
					}
				}
			}
		}
		return stopped;
	}
}
