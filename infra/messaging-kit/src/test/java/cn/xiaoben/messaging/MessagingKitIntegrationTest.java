package cn.xiaoben.messaging;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.messaging.outbox.EventOutbox;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = KitTestApplication.class, properties = {
        "spring.application.name=kit-test",
        "xiaoben.messaging.outbox-collections=teachers",
        "xiaoben.messaging.sweep-interval=300ms"})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"auto.create.topics.enable=false", "group.initial.rebalance.delay.ms=0"})
class MessagingKitIntegrationTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final String MONGO_URI = "mongodb://127.0.0.1:" + MONGO.bind().getPort() + "/kit";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    EventOutbox outbox;
    @Autowired
    MongoDatabase database;

    static TeacherRegistered teacher(String id, String name) {
        return new TeacherRegistered(id, "dst-1", "tsp-1", "sch-1", name, "女", "数学", "g-1", "一级教师", 1985,
                Instant.parse("2026-12-07T02:00:00Z")); // when it happened: carried, never compared
    }

    @Test
    void eventsLeftInAnOutboxAreSweptToKafkaAsCloudEventsAndTheOutboxEmpties() {
        String teacherId = "t-" + UUID.randomUUID();
        // Written but never announced to the relay, as after a crash between the write and publishSoon.
        database.getCollection("teachers").insertOne(outbox.attach(new Document("_id", teacherId),
                teacher(teacherId, "王丽")));

        List<ConsumerRecord<String, CloudEvent>> records = readUntil(Topics.DIRECTORY,
                r -> teacherId.equals(r.key()));
        ConsumerRecord<String, CloudEvent> record = records.stream().filter(r -> teacherId.equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(record.value().getType()).isEqualTo(EventTypes.TEACHER_REGISTERED.name());
        assertThat(record.value().getSource()).isEqualTo(URI.create("/xiaoben/kit-test"));
        assertThat(record.value().getDataContentType()).isEqualTo("application/json");
        assertThat(new String(record.headers().lastHeader("ce_specversion").value(), StandardCharsets.UTF_8))
                .isEqualTo("1.0");
        assertThat(record.headers().lastHeader("traceparent")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !database.getCollection("teachers")
                .find(new Document("_id", teacherId)).first().containsKey(EventOutbox.PENDING_SINCE));
        assertThat(database.getCollection("teachers").find(new Document("_id", teacherId)).first()
                .getList(EventOutbox.FIELD, Document.class)).isEmpty();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String teacherId = "t-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(teacher(teacherId, "李强"), eventId);
        publish(teacher(teacherId, "李强"), eventId);
        String marker = "t-" + UUID.randomUUID();
        publish(teacher(marker, "marker"), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> roster(marker) == 1);
        assertThat(roster(teacherId)).isEqualTo(1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndDoesNotBlockItsPartition() {
        String poisoned = "t-" + UUID.randomUUID();
        String key = "same-key-" + UUID.randomUUID();
        publishWithKey(teacher(poisoned, "poison"), key);
        String after = "t-" + UUID.randomUUID();
        publishWithKey(teacher(after, "赵敏"), key);

        await().atMost(Duration.ofSeconds(20)).until(() -> roster(after) == 1);
        List<ConsumerRecord<String, CloudEvent>> dead = readUntil(Topics.deadLetterOf(Topics.DIRECTORY),
                r -> key.equals(r.key()));
        ConsumerRecord<String, CloudEvent> letter = dead.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(new String(letter.headers().lastHeader("kafka_dlt-original-consumer-group").value(),
                StandardCharsets.UTF_8)).isEqualTo("kit-test");
        assertThat(new String(letter.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
                StandardCharsets.UTF_8)).contains("PoisonEventException");
        assertThat(KitTestApplication.ATTEMPTS.get(poisoned).get()).isEqualTo(1);
        assertThat(roster(poisoned)).isZero();
    }

    @Test
    void unreadableDataIsPoisonToo() {
        String key = "broken-" + UUID.randomUUID();
        CloudEvent broken = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/broken")).withType(EventTypes.TEACHER_REGISTERED.name())
                .withData("application/json", "{not json".getBytes(StandardCharsets.UTF_8)).build();
        send(new ProducerRecord<>(Topics.DIRECTORY, key, broken));

        assertThat(readUntil(Topics.deadLetterOf(Topics.DIRECTORY), r -> key.equals(r.key())))
                .anyMatch(r -> key.equals(r.key()));
    }

    @Test
    void aTransientFailureIsRetriedAndThenAppliedOnce() {
        String flaky = "t-" + UUID.randomUUID();
        publish(teacher(flaky, "flaky"), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> roster(flaky) == 1);
        assertThat(KitTestApplication.ATTEMPTS.get(flaky).get()).isEqualTo(3);
    }

    private long roster(String teacherId) {
        return database.getCollection("roster").countDocuments(new Document("teacherId", teacherId));
    }

    private void publish(TeacherRegistered event, String id) {
        send(new ProducerRecord<>(Topics.DIRECTORY, event.partitionKey(), cloudEvent(event, id)));
    }

    private void publishWithKey(TeacherRegistered event, String key) {
        send(new ProducerRecord<>(Topics.DIRECTORY, key, cloudEvent(event, UUID.randomUUID().toString())));
    }

    private static CloudEvent cloudEvent(TeacherRegistered event, String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/test"))
                .withType(EventTypes.TEACHER_REGISTERED.name()).withSubject(event.teacherId())
                .withData("application/json", cn.xiaoben.contracts.EventJson.write(event)).build();
    }

    private void send(ProducerRecord<String, CloudEvent> record) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ConsumerRecord<String, CloudEvent>> readUntil(String topic,
                                                               java.util.function.Predicate<ConsumerRecord<String, CloudEvent>> match) {
        List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(match);
            });
        }
        return seen;
    }
}
