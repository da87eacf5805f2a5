package cn.xiaoben.system;

import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first flow end to end on the packaged platform: real processes (Kafka broker, MongoDB-wire server, five
 * services, gateway), real tokens from the identity service, everything through the gateway, carried only by
 * Kafka events. Also: a cross-school read is 403, an Idempotency-Key retry creates one record and one ledger entry,
 * and a credit-service killed with SIGKILL while observations arrive catches up with exactly one entry each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LessonObservationFlowSystemTest {

    PlatformProcesses platform;
    Http gateway;
    String bureauToken;
    School schoolA;
    School schoolB;
    final List<String> teachersA = new ArrayList<>();
    String teacherB;

    record School(String id, String clientId, String clientSecret) {
    }

    @BeforeAll
    void start() throws Exception {
        Path home = Path.of(System.getProperty("xiaoben.home", "../..")).toAbsolutePath().normalize();
        platform = new PlatformProcesses(home, Files.createTempDirectory("xiaoben-system-"));
        platform.run("up", "--no-demo");
        gateway = new Http(platform.gateway());
        bureauToken = token(clientOf(platform.var().resolve("secrets/bureau-client.json")));
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.run("down");
            List<String> components = List.of("mongo", "kafka", "identity-service", "activity-service",
                    "credit-service", "evaluation-service", "reporting-service", "gateway");
            assertThat(platform.status().lines().map(l -> l.trim().split("\\s+"))
                    .filter(columns -> columns.length == 4 && components.contains(columns[0])).map(c -> c[3]))
                    .hasSize(components.size()).containsOnly("STOPPED");
        }
    }

    @Test
    @Order(0)
    void everyPortOfTheEmbeddedStackListensOnLoopbackOnly() throws Exception {
        List<Integer> ports = List.of(8080, 8081, 8082, 8083, 8084, 9000, 9092, 9093, 27017).stream()
                .map(p -> p + PlatformProcesses.PORT_OFFSET).toList();
        Map<Integer, List<String>> listening = ListeningSockets.byPort();
        assertThat(listening).as("listening sockets by port").containsKeys(ports.toArray(Integer[]::new));
        for (Integer port : ports) {
            assertThat(listening.get(port)).as("addresses port %d listens on", port)
                    .allSatisfy(address -> assertThat(address).isIn("127.0.0.1", "::1"));
        }
    }

    @Test
    @Order(1)
    void theBureauRegistersATownshipAndTwoSchoolsWhichRegisterTheirTeachers() {
        Http.Reply township = gateway.post("/api/directory/townships", bureauToken, Map.of("name", "城关镇"));
        assertThat(township.status()).as(township.body()).isEqualTo(201);
        String townshipId = township.json().get("id").asString();
        schoolA = school(townshipId, "城关第一中学");
        schoolB = school(townshipId, "城关第二中学");

        String tokenA = token(schoolA.clientId(), schoolA.clientSecret());
        String groupA = group(schoolA.id(), tokenA);
        for (String name : List.of("王丽", "李强", "张敏")) {
            teachersA.add(teacher(schoolA.id(), tokenA, groupA, name));
        }
        String tokenB = token(schoolB.clientId(), schoolB.clientSecret());
        teacherB = teacher(schoolB.id(), tokenB, group(schoolB.id(), tokenB), "赵刚");
    }

    @Test
    @Order(2)
    void anObservationReachesTheObserversLedgerTheReportAndTheRubricAveragesThroughEventsOnly() {
        String token = token(schoolA.clientId(), schoolA.clientSecret());
        String key = "sys-" + UUID.randomUUID();
        long start = System.nanoTime();
        Http.Reply created = postObservation(token, teachersA.get(0), teachersA.get(1), key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isNotBlank();
        String observationId = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                ledgerSources(token, teachersA.get(0)).contains(observationId));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("MEASURED observation -> observer's ledger through the gateway: %d ms%n", millis);

        Http.Reply retry = postObservation(token, teachersA.get(0), teachersA.get(1), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(observationId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = gateway.get("/api/reports/schools/" + schoolA.id() + "?year=2026-2027", token).json();
            assertThat(report.get("lessonObservations").get("total").asInt()).isEqualTo(1);
        });
        assertThat(ledgerSources(token, teachersA.get(0))).containsOnlyOnce(observationId);
        assertThat(gateway.get("/api/activities/lesson-observations?observerId=" + teachersA.get(0), token)
                .json().get("total").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gateway.get(
                "/api/evaluations/teachers/" + teachersA.get(1) + "/observation-scores", token)
                .json().get("observations").asInt()).isEqualTo(1));
    }

    @Test
    @Order(3)
    void aSchoolCannotReadAnotherSchoolsTeachersAndBadInputGetsProblemJson() {
        String tokenA = token(schoolA.clientId(), schoolA.clientSecret());
        Http.Reply other = gateway.get("/api/directory/schools/" + schoolB.id() + "/teachers", tokenA);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
        assertThat(gateway.get("/api/credits/teachers/" + teacherB, tokenA).status()).isEqualTo(403);

        Http.Reply malformed = gateway.post("/api/activities/lesson-observations", tokenA, "{\"observerId\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("detailZh").asString()).isNotBlank();

        Http.Reply anonymous = gateway.get("/api/credits/teachers/" + teachersA.get(0), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }

    @Test
    @Order(4)
    void aCreditServiceKilledWhileObservationsArriveCatchesUpWithExactlyOneEntryEach() {
        String token = token(schoolA.clientId(), schoolA.clientSecret());
        String observer = teachersA.get(2);
        platform.run("kill", "credit-service");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Http.Reply reply = postObservation(token, observer, teachersA.get(i % 2), "crash-" + i + "-" + UUID.randomUUID());
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            ids.add(reply.json().get("id").asString());
        }
        platform.run("restart", "credit-service");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                ledgerSources(token, observer).size() >= ids.size());
        List<String> sources = ledgerSources(token, observer);
        System.out.printf("MEASURED after kill -9 and restart: %d observations, %d ledger entries%n",
                ids.size(), sources.size());
        assertThat(sources).containsExactlyInAnyOrderElementsOf(ids);
    }

    private List<String> ledgerSources(String token, String teacherId) {
        Http.Reply account = gateway.get("/api/credits/teachers/" + teacherId, token);
        if (account.status() != 200) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        account.json().get("entries").forEach(e -> ids.add(e.get("source").get("id").asString()));
        return ids;
    }

    private Http.Reply postObservation(String token, String observer, String observed, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("observerId", observer);
        body.put("teacherId", observed);
        body.put("subject", "数学");
        body.put("grade", "七年级");
        body.put("topic", "一元一次方程");
        body.put("observedAt", "2026-11-20T09:00:00+08:00");
        body.put("durationMinutes", 45);
        body.put("scores", Map.of("objectives", 90, "content", 85, "method", 88, "engagement", 80, "effect", 86,
                "basicSkills", 90));
        body.put("comment", "教学目标明确");
        // a school system retries while a just-registered teacher is still on its way to the activity service
        Http.Reply[] reply = new Http.Reply[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reply[0] = gateway.post("/api/activities/lesson-observations", token, body,
                    Map.of("Idempotency-Key", key));
            return reply[0].status() != 422 || !reply[0].body().contains("teacher-unknown");
        });
        return reply[0];
    }

    private School school(String townshipId, String name) {
        Http.Reply reply = gateway.post("/api/directory/schools", bureauToken,
                Map.of("townshipId", townshipId, "name", name, "stage", "初中"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode client = reply.json().get("client");
        return new School(reply.json().get("id").asString(), client.get("clientId").asString(),
                client.get("clientSecret").asString());
    }

    private String group(String schoolId, String token) {
        Http.Reply reply = gateway.post("/api/directory/schools/" + schoolId + "/subject-groups", token,
                Map.of("name", "数学教研组", "subject", "数学"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private String teacher(String schoolId, String token, String groupId, String name) {
        Http.Reply reply = gateway.post("/api/directory/schools/" + schoolId + "/teachers", token,
                Map.of("name", name, "gender", "女", "subject", "数学", "subjectGroupId", groupId,
                        "title", "一级教师", "birthYear", 1985));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private String token(String[] client) {
        return token(client[0], client[1]);
    }

    private String token(String clientId, String secret) {
        Http.Reply reply = gateway.form("/oauth2/token", clientId, secret,
                "grant_type=client_credentials");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asString();
    }

    private static String[] clientOf(Path file) throws Exception {
        JsonNode json = EventJson.mapper().readTree(Files.readString(file));
        return new String[]{json.get("clientId").asString(), json.get("clientSecret").asString()};
    }

}
