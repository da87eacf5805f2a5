package cn.xiaoben.launcher.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import cn.xiaoben.launcher.LauncherException;
import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.demo.DemoCredentialsStore;
import cn.xiaoben.launcher.ports.PortChecker;
import cn.xiaoben.launcher.ports.PortConflict;
import cn.xiaoben.launcher.ports.PortProbe;
import cn.xiaoben.launcher.secrets.BureauClient;

/**
 * {@code up}: checks jars and ALL ports first, then starts stage by stage and waits for health; any failure
 * stops everything again. Loads the demo county the first time.
 */
public final class UpCommand {

	private final LauncherConfig config;

	private final Console console;

	private final PortProbe portProbe;

	public UpCommand(LauncherConfig config, Console console, PortProbe portProbe) {
		this.config = config;
		this.console = console;
		this.portProbe = portProbe;
	}

	public int run() {
		long begin = System.nanoTime();
		ComponentCatalog catalog = ComponentCatalog.of(config).select(config.only());
		Supervisor supervisor = new Supervisor(config, console);
		supervisor.createDirectories();

		Map<Component, ProcessHandle> alreadyRunning = new LinkedHashMap<>();
		catalog.all().forEach(c -> supervisor.running(c).ifPresent(p -> alreadyRunning.put(c, p)));
		List<Component> toStart = catalog.all().stream().filter(c -> !alreadyRunning.containsKey(c)).toList();

		LaunchSpecs.requireJars(toStart, config);
		List<PortConflict> conflicts = new PortChecker(portProbe).conflicts(toStart);
		if (!conflicts.isEmpty()) {
			throw new LauncherException(conflicts.stream().map(PortConflict::toString).collect(Collectors.joining("\n"))
					+ "\nnothing was started (free the port or use --port-offset N)");
		}
		BureauClient bureauClient = BureauClient.loadOrCreate(config.secretsDir());

		console.line("starting Xiaoben platform (%d components, var %s%s)", catalog.all().size(), config.var(),
				config.portOffset() == 0 ? "" : ", port offset " + config.portOffset());
		List<Component> started = Collections.synchronizedList(new ArrayList<>());
		Thread rollbackOnInterrupt = new Thread(() -> stopAll(supervisor, catalog), "platform-up-rollback");
		Runtime.getRuntime().addShutdownHook(rollbackOnInterrupt);
		boolean success = false;
		try {
			List<Supervisor.Failed> failures = List.of();
			for (List<Component> stage : catalog.stages()) {
				failures = runStage(supervisor, stage, alreadyRunning, bureauClient, started);
				if (!failures.isEmpty()) {
					failures.stream().filter(f -> !f.reason().equals("aborted")).forEach(supervisor::reportFailure);
					break;
				}
			}
			success = failures.isEmpty();
		}
		finally {
			if (!success) {
				console.error("stopping everything that was started ...");
				stopAll(supervisor, catalog);
			}
			try {
				Runtime.getRuntime().removeShutdownHook(rollbackOnInterrupt);
			}
			catch (IllegalStateException ex) {
				// already shutting down
			}
		}
		if (!success) {
			throw new LauncherException("the platform did not start; nothing is left running (logs in "
					+ config.logDir() + ")");
		}
		console.line("all %d components healthy in %s", catalog.all().size(),
				Console.seconds(Duration.ofNanos(System.nanoTime() - begin)));
		return afterStart(catalog);
	}

	private int afterStart(ComponentCatalog catalog) {
		boolean gatewayUp = catalog.find("gateway").isPresent();
		int exit = 0;
		if (gatewayUp && config.loadDemo() && !DemoCredentialsStore.isComplete(config.demoCredentialsFile())) {
			exit = DemoCommand.load(config, console);
		}
		if (gatewayUp) {
			console.line("");
			console.line("gateway: %s", config.gatewayUrl());
			DemoCommand.printLogins(config, console);
		}
		console.line("logs: %s   stop: ./platform down   status: ./platform status", config.logDir());
		return exit;
	}

	private List<Supervisor.Failed> runStage(Supervisor supervisor, List<Component> stage,
			Map<Component, ProcessHandle> alreadyRunning, BureauClient bureauClient, List<Component> started) {
		AtomicBoolean abort = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(stage.size(), r -> {
			Thread t = new Thread(r, "await-health");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Supervisor.Outcome>> futures = new ArrayList<>();
			for (Component component : stage) {
				futures.add(pool.submit(() -> {
					Optional<ProcessHandle> existing = Optional.ofNullable(alreadyRunning.get(component));
					Process process = null;
					if (existing.isEmpty()) {
						process = supervisor.start(component, bureauClient);
						started.add(component);
					}
					ProcessHandle handle = existing.orElse(process != null ? process.toHandle() : null);
					Supervisor.Outcome outcome = supervisor.awaitHealthy(component, handle, process, abort);
					if (outcome instanceof Supervisor.Healthy healthy) {
						console.line("  ok  %-19s pid %-7d port %-6d %s", component.name(), healthy.pid(),
								component.port(), existing.isPresent() ? "already running"
										: "healthy after " + Console.seconds(healthy.elapsed()));
					}
					else {
						abort.set(true);
					}
					return outcome;
				}));
			}
			List<Supervisor.Failed> failures = new ArrayList<>();
			for (Future<Supervisor.Outcome> future : futures) {
				Supervisor.Outcome outcome = get(future);
				if (outcome instanceof Supervisor.Failed failed) {
					failures.add(failed);
				}
			}
			return failures;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Supervisor.Outcome get(Future<Supervisor.Outcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new LauncherException(cause.getMessage(), cause);
		}
	}

	static void stopAll(Supervisor supervisor, ComponentCatalog catalog) {
		DownCommand.stopStages(supervisor, catalog, supervisor.console());
	}
}
