package cn.xiaoben.launcher.health;

/** One quick probe (a few seconds at most); never throws. */
@FunctionalInterface
public interface HealthCheck extends AutoCloseable {

	boolean isHealthy();

	@Override
	default void close() {
	}
}
