package cn.xiaoben.identity.support;

import cn.xiaoben.contracts.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;

/** Reads {@code xiaoben.directory.v1} from the start with a plain consumer, as any other service would. */
public final class DirectoryEvents implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    public DirectoryEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new CloudEventDeserializer());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(Topics.DIRECTORY).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits for the event of this type about this subject. */
    public ConsumerRecord<String, CloudEvent> await(String type, String subject) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return find(type, subject);
        }, Optional::isPresent).orElseThrow();
    }

    /** Every event of this type about this subject seen so far (after a poll). */
    public List<ConsumerRecord<String, CloudEvent>> all(String type, String subject) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(r -> matches(r, type, subject)).toList();
    }

    private Optional<ConsumerRecord<String, CloudEvent>> find(String type, String subject) {
        return seen.stream().filter(r -> matches(r, type, subject)).findFirst();
    }

    private static boolean matches(ConsumerRecord<String, CloudEvent> record, String type, String subject) {
        return record.value() != null && type.equals(record.value().getType())
                && subject.equals(record.value().getSubject());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
