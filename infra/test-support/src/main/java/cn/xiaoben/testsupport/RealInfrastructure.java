package cn.xiaoben.testsupport;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB (a replica set) and Apache Kafka in containers, for the Testcontainers variants of the integration
 * tests. Those run wherever Docker exists and are skipped cleanly elsewhere
 * ({@code @Testcontainers(disabledWithoutDocker = true)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructure {

    /** The container broker's address (with @ServiceConnection it is not in spring.kafka.bootstrap-servers). */
    public static String brokers(KafkaConnectionDetails kafka) {
        return String.join(",", kafka.getBootstrapServers());
    }

    @Bean
    @ServiceConnection
    MongoDBContainer mongo() {
        return new MongoDBContainer("mongo:8.0");
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafka() {
        return new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }
}
