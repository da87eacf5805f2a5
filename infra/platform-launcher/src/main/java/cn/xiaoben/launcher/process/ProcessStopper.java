package cn.xiaoben.launcher.process;

import java.time.Duration;

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

	/** Polls instead of {@code onExit()}, which also behaves inside a shutdown hook. */
	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return !process.isAlive();
	}
}
