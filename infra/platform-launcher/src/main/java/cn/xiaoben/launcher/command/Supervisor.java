package cn.xiaoben.launcher.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.Kind;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.health.HealthCheck;
import cn.xiaoben.launcher.health.HealthChecks;
import cn.xiaoben.launcher.kafka.KafkaStorage;
import cn.xiaoben.launcher.kafka.KafkaTopics;
import cn.xiaoben.launcher.process.ChildProcess;
import cn.xiaoben.launcher.process.LogTail;
import cn.xiaoben.launcher.process.PidFile;
import cn.xiaoben.launcher.process.ProcessStopper;
import cn.xiaoben.launcher.secrets.BureauClient;

/** Starts, probes and stops single components; the commands compose it. */
final class Supervisor {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final int LOG_TAIL_LINES = 30;

	private final LauncherConfig config;

	private final Console console;

	Supervisor(LauncherConfig config, Console console) {
		this.config = config;
		this.console = console;
	}

	LauncherConfig config() {
		return config;
	}

	Console console() {
		return console;
	}

	PidFile pidFile(Component component) {
		return new PidFile(config.runDir(), component.name());
	}

	Optional<ProcessHandle> running(Component component) {
		return pidFile(component).liveProcess();
	}

	void createDirectories() {
		try {
			Files.createDirectories(config.logDir());
			Files.createDirectories(config.runDir());
			Files.createDirectories(config.mongoDir());
			Files.createDirectories(config.kafkaDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + config.var(), ex);
		}
	}

	/** Starts the process detached and records its pid; does not wait. */
	Process start(Component component, BureauClient bureauClient) {
		if (component.kind() == Kind.KAFKA) {
			KafkaStorage.prepare(config);
		}
		Process process = ChildProcess.start(LaunchSpecs.spec(component, config, bureauClient));
		pidFile(component).write(process.toHandle());
		return process;
	}

	/** The outcome of waiting for one component. */
	sealed interface Outcome permits Healthy, Failed {
	}

	record Healthy(Component component, long pid, Duration elapsed) implements Outcome {
	}

	record Failed(Component component, String reason) implements Outcome {
	}

	/**
	 * Polls the component's health until it is healthy, its process dies, the timeout passes or {@code abort} is
	 * set (another component of the stage failed).
	 */
	Outcome awaitHealthy(Component component, ProcessHandle process, Process started, AtomicBoolean abort) {
		long begin = System.nanoTime();
		long deadline = begin + config.startTimeout().toNanos();
		try (HealthCheck check = HealthChecks.forComponent(component, config)) {
			while (true) {
				if (abort.get()) {
					return new Failed(component, "aborted");
				}
				if (!process.isAlive()) {
					String code = started != null ? " with exit code " + started.exitValue() : "";
					return new Failed(component, "process " + process.pid() + " exited" + code);
				}
				if (check.isHealthy()) {
					if (component.kind() == Kind.KAFKA) {
						KafkaTopics.ensure(config.kafkaBootstrapServers());
					}
					return new Healthy(component, process.pid(), Duration.ofNanos(System.nanoTime() - begin));
				}
				if (System.nanoTime() > deadline) {
					return new Failed(component,
							"not healthy after " + config.startTimeout().toSeconds() + " s");
				}
				try {
					Thread.sleep(POLL.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return new Failed(component, "interrupted");
				}
			}
		}
	}

	void reportFailure(Failed failed) {
		console.error("FAILED %s: %s", failed.component().name(), failed.reason());
		List<String> tail = LogTail.lastLines(config.logFile(failed.component().name()), LOG_TAIL_LINES);
		if (!tail.isEmpty()) {
			console.error("---- last %d lines of %s ----", tail.size(), config.logFile(failed.component().name()));
			tail.forEach(line -> console.error("  | %s", line));
			console.error("----");
		}
	}

	/** Stops the component if it runs and removes its pid file; returns a short description or null. */
	String stop(Component component) {
		PidFile pidFile = pidFile(component);
		Optional<ProcessHandle> process = pidFile.liveProcess();
		String result = null;
		if (process.isPresent()) {
			long begin = System.nanoTime();
			boolean clean = ProcessStopper.stop(process.get(), ProcessStopper.GRACE);
			Duration took = Duration.ofNanos(System.nanoTime() - begin);
			result = String.format("%-19s pid %-7d %s", component.name(), process.get().pid(),
					clean ? "stopped in " + Console.seconds(took) : "killed after " + Console.seconds(took));
		}
		else if (pidFile.exists()) {
			result = String.format("%-19s was not running (stale pid file removed)", component.name());
		}
		pidFile.delete();
		return result;
	}
}
