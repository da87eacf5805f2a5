package cn.xiaoben.testsupport;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events the way another service's relay would (a real producer, CloudEvents binary mode) and checks
 * event data against its JSON Schema.
 */
public final class TestEvents implements AutoCloseable {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 = new com.fasterxml.jackson.databind.ObjectMapper();

    private final KafkaProducer<String, CloudEvent> producer;

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new CloudEventSerializer());
    }

    /** Publishes {@code event} with a new id; returns that id. */
    public String publish(DomainEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes {@code event} with the given CloudEvents id (publish twice with one id to test redelivery). */
    public String publish(DomainEvent event, String id) {
        EventType<DomainEvent> type = EventTypes.of(event);
        CloudEvent ce = CloudEventBuilder.v1().withId(id).withSource(URI.create("/xiaoben/test"))
                .withType(type.name()).withSubject(event.eventSubject()).withTime(OffsetDateTime.now())
                .withDataContentType("application/json").withData(EventJson.write(event)).build();
        try {
            producer.send(new ProducerRecord<>(type.topic(), event.partitionKey(), ce)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Sends raw bytes with a type header, as a broken producer might. */
    public void publishRaw(String topic, String key, CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema violations of {@code data} against the JSON Schema of {@code type} (empty when valid). */
    public static Set<ValidationMessage> schemaViolations(String type, byte[] data) {
        try (InputStream schema = TestEvents.class.getClassLoader().getResourceAsStream("schemas/" + type + ".json")) {
            if (schema == null) {
                throw new AssertionError("No schema for " + type);
            }
            return SCHEMAS.getSchema(schema).validate(JACKSON2.readTree(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
