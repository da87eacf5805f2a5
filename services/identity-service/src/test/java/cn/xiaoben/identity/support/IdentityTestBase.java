package cn.xiaoben.identity.support;

import cn.xiaoben.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity service started for real (random port, in-process KRaft Kafka, MongoDB-wire server) with the bureau
 * client bootstrapped from test properties. Every token used is a real one from {@code /oauth2/token}: the
 * service's own decoder (primary) replaces the test-support decoder, so test-support tokens count as forged here.
 */
@ServiceIntegrationTest
// Real time, not the suite's fixed clock: the authorization server stamps and checks token lifetimes against the
// wall clock (as do the resource servers), so its own clock must agree with it (decision 0008).
@TestPropertySource(properties = {
        "xiaoben.test.clock=system",
        "xiaoben.identity.bootstrap.bureau-client-secret=" + IdentityTestBase.BUREAU_SECRET,
        "xiaoben.identity.keys.kek=" + IdentityTestBase.KEK,
        "xiaoben.messaging.sweep-interval=200ms",
        // a backoff of minutes, so that the attempt right after the free failures is surely inside it
        "xiaoben.identity.throttle.backoff-base=1m",
        // Real time, not the suite's fixed clock: the authorization server stamps and checks token lifetimes against the wall clock (as do the resource servers), so its own clock must agree with it (decision 0008).
        "xiaoben.test.clock=system"})
public abstract class IdentityTestBase {

    public static final String BUREAU_CLIENT = "bureau-console";
    public static final String BUREAU_SECRET = "bureau-test-secret-6Yp2";
    public static final String DISTRICT = "dst-yunxi";
    /** The key-encryption key of the tests (base64 of 32 bytes), so none is generated under the module. */
    public static final String KEK = "dGVzdHMtb25seS1rZXktZW5jcnlwdGlvbi1rZXkhISE=";

    @LocalServerPort
    protected int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    protected String bootstrapServers;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    protected String bureauToken() {
        return api.accessToken(BUREAU_CLIENT, BUREAU_SECRET);
    }

    protected static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected JsonNode township(String bureau, String name) {
        Response response = api.post("/api/directory/townships", bureau, Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode school(String bureau, String townshipId, String name) {
        Response response = api.post("/api/directory/schools", bureau,
                Map.of("townshipId", townshipId, "name", name, "stage", "初中"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected String schoolToken(JsonNode school) {
        return api.accessToken(school.get("client").get("clientId").asString(),
                school.get("client").get("clientSecret").asString());
    }

    protected JsonNode group(String token, String schoolId, String name, String subject) {
        Response response = api.post("/api/directory/schools/" + schoolId + "/subject-groups", token,
                Map.of("name", name, "subject", subject));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected Response registerTeacher(String token, String schoolId, String name, String groupId,
                                       Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("gender", "女");
        body.put("subject", "数学");
        body.put("subjectGroupId", groupId);
        body.put("title", "一级教师");
        body.put("birthYear", 1986);
        return api.post("/api/directory/schools/" + schoolId + "/teachers", token, body, headers);
    }

    /** The password of every account {@link #account} creates. */
    protected static final String PASSWORD = "correct-horse-battery";

    /** A new account with this role (ids as the role needs them); its username. */
    protected String account(String bureau, String role, String schoolId, String teacherId) {
        String username = unique(role.toLowerCase(java.util.Locale.ROOT)).replace("-", ".");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", PASSWORD,
                "displayName", "测试 " + role, "role", role));
        if (schoolId != null) {
            body.put("schoolId", schoolId);
        }
        if (teacherId != null) {
            body.put("teacherId", teacherId);
        }
        Response response = api.post("/api/directory/accounts", bureau, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return username;
    }

    /** A township with one school (and the school's token). */
    protected record SchoolSetup(String townshipId, JsonNode school, String schoolId, String token) {
    }

    protected SchoolSetup newSchool(String bureau) {
        JsonNode township = township(bureau, unique("镇"));
        JsonNode school = school(bureau, township.get("id").asString(), unique("中学"));
        return new SchoolSetup(township.get("id").asString(), school, school.get("id").asString(),
                schoolToken(school));
    }
}
