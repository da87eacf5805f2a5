package cn.xiaoben.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service started for real on a random port, with a real Kafka broker (in-process KRaft, topics not auto-created,
 * so the kit must declare them) and the MongoDB-wire server behind the real driver. Tokens: {@link TestTokens}.
 * <p>
 * Take the broker's address from this context's own broker bean, {@code @Value("#{@embeddedKafka.brokersAsString}")},
 * never from {@code spring.kafka.bootstrap-servers}: {@code @EmbeddedKafka} publishes that as a JVM-wide system
 * property, which the next test context with a broker of its own overwrites.
 * <p>
 * The service's {@link java.time.Clock} is a {@link TestClock} standing at the suite's "now" ({@link TestClockConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 6, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"auto.create.topics.enable=false", "group.initial.rebalance.delay.ms=0"})
@ContextConfiguration(initializers = MongoWireInitializer.class)
@Import({TestTokens.Decoder.class, TestClockConfiguration.class})
public @interface ServiceIntegrationTest {
}
