package cn.xiaoben.launcher.kafka;

import java.nio.file.Path;

import cn.xiaoben.launcher.config.BasePorts;
import cn.xiaoben.launcher.config.LauncherConfig;

/** The single-node KRaft broker+controller configuration. */
public final class KafkaServerProperties {

	private KafkaServerProperties() {
	}

	public static Path file(LauncherConfig config) {
		return config.kafkaDir().resolve("server.properties");
	}

	public static Path dataDir(LauncherConfig config) {
		return config.kafkaDir().resolve("data");
	}

	public static String render(LauncherConfig config) {
		int broker = config.port(BasePorts.KAFKA);
		int controller = config.port(BasePorts.KAFKA_CONTROLLER);
		return """
				# written by the Xiaoben launcher on every start (ports follow --port-offset)
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=6
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=12
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				auto.create.topics.enable=false
				group.initial.rebalance.delay.ms=0
				log.retention.ms=-1
				num.network.threads=2
				num.io.threads=4
				""".formatted(broker, controller, dataDir(config).toString().replace("\\", "/"));
	}
}
