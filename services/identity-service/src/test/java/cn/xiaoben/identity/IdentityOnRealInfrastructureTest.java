package cn.xiaoben.identity;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.identity.support.Api;
import cn.xiaoben.identity.support.DirectoryEvents;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.identity.support.Response;
import cn.xiaoben.testsupport.RealInfrastructure;
import cn.xiaoben.testsupport.RealInfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same service on a real MongoDB replica set and Apache Kafka in containers. Runs where Docker exists; skipped
 * cleanly elsewhere. Tokens are real ones from the service (its own decoder is primary over the test-support one).
 */
@RealInfrastructureTest
@TestPropertySource(properties = {"xiaoben.identity.bootstrap.bureau-client-secret=containers-secret-4Lk",
        "xiaoben.identity.keys.kek=" + IdentityTestBase.KEK})
class IdentityOnRealInfrastructureTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void issuesTokensRegistersSchoolsAndPublishesTheirEvents() {
        Api api = new Api(port);
        String bureau = api.accessToken("bureau-console", "containers-secret-4Lk");
        assertThat(Jwts.claims(bureau).get("district_id").asString()).isEqualTo("dst-yunxi");

        Response township = api.post("/api/directory/townships", bureau, Map.of("name", "城关镇"));
        assertThat(township.status()).isEqualTo(201);
        Response school = api.post("/api/directory/schools", bureau, Map.of("townshipId",
                township.json().get("id").asString(), "name", "城关中学", "stage", "初中"));
        assertThat(school.status()).isEqualTo(201);
        String schoolId = school.json().get("id").asString();
        String schoolToken = api.accessToken(school.json().get("client").get("clientId").asString(),
                school.json().get("client").get("clientSecret").asString());
        Response teacher = api.post("/api/directory/schools/" + schoolId + "/teachers", schoolToken,
                Map.of("name", "王老师", "gender", "女", "subject", "数学"));
        assertThat(teacher.status()).isEqualTo(201);

        try (DirectoryEvents events = new DirectoryEvents(RealInfrastructure.brokers(kafka))) {
            String teacherId = teacher.json().get("id").asString();
            assertThat(events.await(EventTypes.TEACHER_REGISTERED.name(), teacherId).key()).isEqualTo(teacherId);
        }
    }
}
