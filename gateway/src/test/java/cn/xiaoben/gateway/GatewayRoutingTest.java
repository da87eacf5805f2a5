package cn.xiaoben.gateway;

import cn.xiaoben.gateway.support.ClosedPort;
import cn.xiaoben.gateway.support.FakeUpstream;
import cn.xiaoben.gateway.support.Http;
import cn.xiaoben.gateway.support.Http.Reply;
import cn.xiaoben.gateway.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real (tiny) HTTP upstream that also serves the key set the tokens are signed with.
 * The reporting service is configured on a port where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final TestKeys KEYS = new TestKeys();
    static final FakeUpstream UPSTREAM = new FakeUpstream(KEYS);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service : List.of("identity", "activity", "credit", "evaluation")) {
            registry.add("xiaoben.gateway.services." + service, UPSTREAM::url);
        }
        registry.add("xiaoben.gateway.services.reporting", () -> "http://127.0.0.1:" + ClosedPort.find());
        registry.add("xiaoben.security.jwk-set-uri", () -> UPSTREAM.url() + "/oauth2/jwks");
        registry.add("xiaoben.gateway.timeouts.routes.credit", () -> "700ms");
        registry.add("xiaoben.gateway.max-body-size", () -> "1KB");
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void routesToTheServiceWithTheTokenAndRequestIdRelayed() {
        String token = schoolToken("sch-a");
        Reply reply = Http.send(Http.to(port, "/api/activities/lesson-observations?page=0", token)
                .header("X-Request-Id", "client-req-42"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("path").asString()).isEqualTo("/api/activities/lesson-observations");
        assertThat(reply.header("X-Request-Id")).isEqualTo("client-req-42");
        FakeUpstream.Received upstream = UPSTREAM.receivedFor("/api/activities/lesson-observations").get(0);
        assertThat(upstream.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(upstream.header("X-Request-Id")).isEqualTo("client-req-42");
    }

    @Test
    void generatesARequestIdWhenTheClientSentNoneOrAnUnsafeOne() {
        String token = schoolToken("sch-a");
        Reply none = Http.send(Http.to(port, "/api/evaluations/rubrics", token));
        Reply unsafe = Http.send(Http.to(port, "/api/credits/transcripts", token)
                .header("X-Request-Id", "<script>alert(1)</script>"));

        String generated = none.header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(UPSTREAM.receivedFor("/api/evaluations/rubrics").get(0).header("X-Request-Id"))
                .isEqualTo(generated);
        assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void apiWithoutAValidTokenIs401ProblemJsonAndNeverReachesUpstream() {
        String path = "/api/activities/secret-" + UUID.randomUUID();
        Reply anonymous = Http.send(Http.to(port, path));
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.json().get("requestId").asString()).isEqualTo(anonymous.header("X-Request-Id"));

        TestKeys stranger = new TestKeys();
        assertProblem(Http.send(Http.to(port, path, stranger.token("intruder", Map.of("school_id", "sch-a")))),
                401, "invalid-token");
        assertProblem(Http.send(Http.to(port, path, KEYS.sign("x", "http://evil.example", Map.of()))),
                401, "invalid-token");
        assertProblem(Http.send(Http.to(port, path, KEYS.signWithoutExpiry("x", Map.of("school_id", "sch-a")))),
                401, "invalid-token");
        assertThat(UPSTREAM.receivedFor(path)).isEmpty();
    }

    @Test
    void aSchoolTokenOnAnotherSchoolsPathIs403WithoutCallingUpstream() {
        String token = schoolToken("sch-a");

        Reply other = Http.send(Http.to(port, "/api/directory/schools/sch-b/teachers", token));
        assertProblem(other, 403, "out-of-scope");
        assertThat(UPSTREAM.receivedFor("/api/directory/schools/sch-b/teachers")).isEmpty();

        Reply own = Http.send(Http.to(port, "/api/directory/schools/sch-a/teachers", token));
        assertThat(own.status()).isEqualTo(200);

        String bureau = KEYS.token("bureau-console", Map.of("district_id", "dst-yunxi",
                "roles", List.of("BUREAU_ADMIN")));
        assertThat(Http.send(Http.to(port, "/api/directory/schools/sch-b/teachers", bureau)).status())
                .isEqualTo(200);
    }

    @Test
    void aServiceThatIsDownGives503ProblemJson() {
        Reply reply = Http.send(Http.to(port, "/api/reports/schools/sch-a/summary", schoolToken("sch-a")));

        assertProblem(reply, 503, "upstream-unavailable");
        assertThat(reply.json().get("detailZh").asString()).contains("暂不可用");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGives504ProblemJson() {
        Reply reply = Http.send(Http.to(port, "/api/credits/hang", schoolToken("sch-a")));

        assertProblem(reply, 504, "upstream-timeout");
    }

    @Test
    void authorizationServerEndpointsAreOpen() {
        Reply keys = Http.send(Http.to(port, "/oauth2/jwks"));
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().get("keys")).hasSize(1);

        Reply token = Http.send(Http.to(port, "/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(token.status()).isEqualTo(200);
        assertThat(UPSTREAM.receivedFor("/oauth2/token")).isNotEmpty();
    }

    @Test
    void oversizedBodiesAre413() {
        Reply reply = Http.send(Http.to(port, "/api/activities/lesson-observations", schoolToken("sch-a"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"" + "好".repeat(2000) + "\"}")));

        assertProblem(reply, 413, "too-large");
    }

    @Test
    void healthAndMetricsAreOpenOtherActuatorEndpointsAreNot() {
        assertThat(Http.send(Http.to(port, "/actuator/health/readiness")).status()).isEqualTo(200);
        assertThat(Http.send(Http.to(port, "/actuator/health/liveness")).status()).isEqualTo(200);
        Reply metrics = Http.send(Http.to(port, "/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(Http.send(Http.to(port, "/actuator/env")).status()).isIn(401, 403, 404);
        assertThat(Http.send(Http.to(port, "/internal/fallback/identity")).status()).isIn(401, 403);
    }

    private static String schoolToken(String schoolId) {
        return KEYS.token("school-" + schoolId + "-" + UUID.randomUUID(), Map.of("district_id", "dst-yunxi",
                "township_id", "tsp-1", "school_id", schoolId, "roles", List.of("SCHOOL_SYSTEM"),
                "scope", "activity:write directory:read"));
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("https://xiaoben.cn/problems/" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("titleZh").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("detailZh").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void certificateVerificationIsPublicButNothingElseUnderCredits() {
        String path = "/api/credits/certificates/JXJY-2026-ABCDEFGHJK/verification";
        Reply verification = Http.send(Http.to(port, path));
        assertThat(verification.status()).isEqualTo(200);
        assertThat(UPSTREAM.receivedFor(path)).hasSize(1);
        assertThat(UPSTREAM.receivedFor(path).get(0).header("Authorization")).isNull();

        String certificate = "/api/credits/teachers/tch-1/certificate-" + UUID.randomUUID();
        assertProblem(Http.send(Http.to(port, certificate)), 401, "unauthenticated");
        String nested = "/api/credits/certificates/JXJY-2026-ABCDEFGHJK/verification/more";
        assertProblem(Http.send(Http.to(port, nested)), 401, "unauthenticated");
        assertThat(UPSTREAM.receivedFor(certificate)).isEmpty();
        assertThat(UPSTREAM.receivedFor(nested)).isEmpty();
    }
}
