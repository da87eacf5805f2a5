package cn.xiaoben.identity;

import cn.xiaoben.identity.support.Api;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.testsupport.MongoWireServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service started, stopped and started again on the same database: the same signing key ({@code kid}) is used,
 * and a token issued before the restart is still accepted after it. Started with another key-encryption key, it
 * refuses to start rather than replace keys it cannot open.
 */
// its own property name: the broker publishes its address as a system property, and must not overwrite the one
// the cached @ServiceIntegrationTest contexts read (spring.kafka.bootstrap-servers)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "identity.restart-test.brokers",
        brokerProperties = {"auto.create.topics.enable=false", "group.initial.rebalance.delay.ms=0"})
class SigningKeyRestartTest {

    private static final String SECRET = "restart-test-secret-9Qw";
    private static final String OTHER_KEK = "YW5vdGhlci1rZXktZW5jcnlwdGlvbi1rZXktMzJieXQ=";

    @Test
    void theSigningKeyAndItsTokensSurviveARestart(EmbeddedKafkaBroker kafka) {
        String[] args = {
                "--server.port=0",
                "--spring.mongodb.uri=" + MongoWireServer.uri("restart_" + UUID.randomUUID().toString().substring(0, 8)),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--xiaoben.identity.bootstrap.bureau-client-secret=" + SECRET,
                "--xiaoben.identity.keys.kek=" + IdentityTestBase.KEK};
        String kid;
        String token;
        try (ConfigurableApplicationContext first = start(args)) {
            Api api = new Api(port(first));
            kid = publishedKid(api);
            token = api.accessToken("bureau-console", SECRET);
            assertThat(Jwts.header(token).get("kid").asString()).isEqualTo(kid);
        }
        try (ConfigurableApplicationContext second = start(args)) {
            Api api = new Api(port(second));
            assertThat(publishedKid(api)).isEqualTo(kid);
            assertThat(api.get("/api/directory/townships", token).status()).isEqualTo(200);
            assertThat(Jwts.header(api.accessToken("bureau-console", SECRET)).get("kid").asString()).isEqualTo(kid);
        }
        String[] otherKek = args.clone();
        otherKek[otherKek.length - 1] = "--xiaoben.identity.keys.kek=" + OTHER_KEK;
        assertThatThrownBy(() -> start(otherKek).close())
                .hasStackTraceContaining("is sealed with key-encryption key");
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(IdentityApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String publishedKid(Api api) {
        return api.get("/oauth2/jwks", null).json().get("keys").get(0).get("kid").asString();
    }
}
