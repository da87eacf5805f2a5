package cn.xiaoben.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.xiaoben.launcher.config.LauncherConfig;

class KafkaServerPropertiesTest {

	@Test
	void singleNodeKraftWithOffsetPorts() throws Exception {
		LauncherConfig config = new LauncherConfig(Path.of("/srv/x"), Path.of("/srv/x/var"), 10, true, Set.of(),
				LauncherConfig.DEFAULT_START_TIMEOUT);
		Properties props = new Properties();
		props.load(new StringReader(KafkaServerProperties.render(config)));

		assertThat(props).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9103")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:9102,CONTROLLER://127.0.0.1:9103")
			.containsEntry("log.dirs", "/srv/x/var/kafka/data")
			.containsEntry("num.partitions", "6")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("auto.create.topics.enable", "false")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
	}
}
