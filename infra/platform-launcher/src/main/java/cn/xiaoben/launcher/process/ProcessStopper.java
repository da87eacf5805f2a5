package cn.xiaoben.launcher.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** SIGTERM, wait for a clean exit, then SIGKILL. */
public final class ProcessStopper {

	public static final Duration GRACE = Duration.ofSeconds(20);

	private ProcessStopper() {
	}

	/** @return {@code true} if the process exited on SIGTERM, {@code false} if it had to be killed */
	public static boolean stop(ProcessHandle process, Duration grace) {
		if (!process.isAlive()) {
			return true;
		}
		process.destroy();
		if (awaitExit(process, grace)) {
			return true;
		}
		process.destroyForcibly();
		awaitExit(process, Duration.ofSeconds(10));
		return false;
	}

	public static void kill(ProcessHandle process) {
		process.destroyForcibly();
		awaitExit(process, Duration.ofSeconds(10));
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}
}
