package cn.xiaoben.messaging.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Platform-wide defaults every service shares, added with the lowest precedence so a service or an operator can
 * still override each: idempotent producers with acks=all, consumers grouped by application name reading from the
 * earliest offset, Kafka tracing on, actuator probes and the Prometheus endpoint exposed.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "io.cloudevents.kafka.CloudEventSerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.linger.ms", "2"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer",
                    "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer"),
            Map.entry("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                    "io.cloudevents.kafka.CloudEventDeserializer"),
            Map.entry("spring.kafka.consumer.properties.partition.assignment.strategy",
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
            Map.entry("spring.kafka.listener.concurrency", "2"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("management.tracing.sampling.probability", "1.0"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            Map.entry("management.observations.key-values.application", "${spring.application.name}"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("xiaobenMessagingDefaults", DEFAULTS));
    }
}
