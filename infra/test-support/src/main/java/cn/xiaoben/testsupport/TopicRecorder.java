package cn.xiaoben.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;


/** Reads a topic from its beginning, as an analytics team would, and waits for records to appear. */
public final class TopicRecorder implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    public TopicRecorder(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public synchronized List<ConsumerRecord<String, CloudEvent>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public ConsumerRecord<String, CloudEvent> await(Predicate<ConsumerRecord<String, CloudEvent>> match) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> poll().stream().anyMatch(match));
        return seen.stream().filter(match).findFirst().orElseThrow();
    }

    public List<ConsumerRecord<String, CloudEvent>> all(Predicate<ConsumerRecord<String, CloudEvent>> match) {
        return poll().stream().filter(match).toList();
    }

    public static Predicate<ConsumerRecord<String, CloudEvent>> ofType(String type) {
        return r -> r.value() != null && type.equals(r.value().getType());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
