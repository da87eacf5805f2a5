package cn.xiaoben.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service started for real against a real MongoDB replica set and Apache Kafka in containers
 * ({@link RealInfrastructure}); skipped cleanly where there is no Docker. The broker's address is
 * {@link RealInfrastructure#brokers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RealInfrastructure.class, TestTokens.Decoder.class})
public @interface RealInfrastructureTest {
}
