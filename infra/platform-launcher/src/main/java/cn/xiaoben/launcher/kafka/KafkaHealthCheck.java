package cn.xiaoben.launcher.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import cn.xiaoben.launcher.health.HealthCheck;

/** The broker is healthy when an AdminClient {@code describeCluster} returns at least one node. */
public final class KafkaHealthCheck implements HealthCheck {

	private final String bootstrapServers;

	private Admin admin;

	public KafkaHealthCheck(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	@Override
	public synchronized boolean isHealthy() {
		try {
			if (admin == null) {
				admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						AdminClientConfig.CLIENT_ID_CONFIG, "xiaoben-launcher-health",
						AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
						AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000,
						AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
			}
			return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public synchronized void close() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(1));
			admin = null;
		}
	}
}
