package cn.xiaoben.messaging.config;

import cn.xiaoben.contracts.Topics;
import cn.xiaoben.messaging.consumer.DeadLetters;
import cn.xiaoben.messaging.consumer.EventDispatcher;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.EventHandlerSet;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.messaging.outbox.OutboxRelay;
import cn.xiaoben.messaging.tracing.TraceParents;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the messaging kit into every service: the same outbox, relay, consumer and dead-letter handling. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MongoAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer) {
        return new TraceParents(tracer);
    }

    @Bean
    OutboxRelay outboxRelay(MongoDatabase database, KafkaTemplate<String, CloudEvent> kafka, TraceParents traceParents,
                            MessagingProperties properties, Clock clock, MeterRegistry meters, Environment environment) {
        String source = properties.source() != null ? properties.source()
                : "/xiaoben/" + environment.getProperty("spring.application.name", "unnamed");
        return new OutboxRelay(database, properties.outboxCollections(), kafka, traceParents, source,
                properties.sweepInterval(), clock, meters);
    }

    @Bean
    EventOutbox eventOutbox(TraceParents traceParents, OutboxRelay relay, Clock clock) {
        return new EventOutbox(traceParents, relay, clock);
    }

    @Bean
    IdempotentWrites idempotentWrites(MongoDatabase database, MeterRegistry meters) {
        return new IdempotentWrites(database, meters);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), properties.partitions(), properties.replicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetters deadLetters(ProducerFactory<?, ?> producerFactory, KafkaTemplate<String, CloudEvent> kafka) {
        return new DeadLetters(producerFactory, kafka);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler eventErrorHandler(DeadLetters deadLetters, MessagingProperties properties) {
        return deadLetters.errorHandler(properties.retries());
    }

    @Bean
    EventDispatcher eventDispatcher(ObjectProvider<EventHandler<?>> handlers, ObjectProvider<EventHandlerSet> sets,
                                    MeterRegistry meters, Environment environment) {
        List<EventHandler<?>> all = new ArrayList<>(handlers.orderedStream().toList());
        sets.orderedStream().forEach(set -> all.addAll(set.handlers()));
        return new EventDispatcher(all, meters,
                environment.getProperty("spring.application.name", "xiaoben") + "-events");
    }
}
