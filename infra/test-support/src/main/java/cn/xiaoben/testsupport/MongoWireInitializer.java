package cn.xiaoben.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/** Points {@code spring.mongodb.uri} at a fresh database on the shared MongoDB-wire server. */
public class MongoWireInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestPropertyValues.of("spring.mongodb.uri=" + MongoWireServer.uri(database)).applyTo(context);
    }
}
