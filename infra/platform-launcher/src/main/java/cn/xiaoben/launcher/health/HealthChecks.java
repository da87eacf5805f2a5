package cn.xiaoben.launcher.health;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.kafka.KafkaHealthCheck;
import cn.xiaoben.launcher.mongo.MongoHealthCheck;

/** The probe that fits a component. */
public final class HealthChecks {

	private HealthChecks() {
	}

	public static HealthCheck forComponent(Component component, LauncherConfig config) {
		return switch (component.kind()) {
			case MONGO -> new MongoHealthCheck(component.port());
			case KAFKA -> new KafkaHealthCheck(config.kafkaBootstrapServers());
			case SERVICE, GATEWAY -> new HttpReadinessCheck(component.port());
		};
	}
}
