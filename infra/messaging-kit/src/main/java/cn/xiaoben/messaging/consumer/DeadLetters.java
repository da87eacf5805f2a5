package cn.xiaoben.messaging.consumer;

import cn.xiaoben.contracts.Topics;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service's consumer treats an event it cannot apply. A poison event (unreadable, or a
 * {@link PoisonEventException}) goes to {@code <topic>-dlt} at once, same partition; other failures are retried a
 * few times first. While the service's own store is unreachable, the event is retried without end instead, so an
 * outage loses nothing and keeps each key's order.
 */
public class DeadLetters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> rawTemplate;
    private final KafkaTemplate<String, CloudEvent> eventTemplate;

    @SuppressWarnings("unchecked")
    public DeadLetters(ProducerFactory<?, ?> producerFactory, KafkaTemplate<String, CloudEvent> eventTemplate) {
        this.eventTemplate = eventTemplate;
        this.rawTemplate = new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public DefaultErrorHandler errorHandler(int retries) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(CloudEvent.class, eventTemplate);
        templates.put(byte[].class, rawTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        ExponentialBackOffWithMaxRetries failures = new ExponentialBackOffWithMaxRetries(retries);
        failures.setInitialInterval(200);
        failures.setMultiplier(2);
        failures.setMaxInterval(5_000);
        ConsumerRecordRecoverer announced = (record, e) -> {
            log.warn("Dead-lettering {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Topics.deadLetterOf(record.topic()), rootMessage(e));
            recoverer.accept(record, e);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(announced, failures);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        BackOff storeOutage = storeOutageBackOff();
        handler.setBackOffFunction((record, e) -> isStoreOutage(e) ? storeOutage : null);
        return handler;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static boolean isStoreOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff storeOutageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    @Override
    public void destroy() {
        rawTemplate.destroy();
    }
}
