package cn.xiaoben.launcher.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import cn.xiaoben.contracts.Topics;
import cn.xiaoben.launcher.LauncherException;

/**
 * Declares the platform's topics on the embedded broker (auto-creation is off), like the Strimzi
 * {@code KafkaTopic} resources do on Kubernetes: each event topic and its {@code -dlt} twin, 6 partitions.
 * The names come from {@code cn.xiaoben.contracts.Topics}; a test keeps {@code k8s/base/kafka-topics.yaml} in step.
 */
public final class KafkaTopics {

	public static final List<String> EVENT_TOPICS = Topics.all();

	public static final String DEAD_LETTER_SUFFIX = Topics.DEAD_LETTER_SUFFIX;

	public static final int PARTITIONS = 6;

	private KafkaTopics() {
	}

	public static List<String> all() {
		List<String> all = new ArrayList<>();
		for (String topic : EVENT_TOPICS) {
			all.add(topic);
			all.add(topic + DEAD_LETTER_SUFFIX);
		}
		return List.copyOf(all);
	}

	/** Creates the missing topics; returns how many were created. */
	public static int ensure(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "xiaoben-launcher-topics"))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = all().stream()
				.filter(t -> !existing.contains(t))
				.map(t -> new NewTopic(t, PARTITIONS, (short) 1))
				.toList();
			if (missing.isEmpty()) {
				return 0;
			}
			try {
				admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
			return missing.size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while creating Kafka topics");
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new LauncherException("cannot create Kafka topics: " + ex.getMessage(), ex);
		}
	}
}
