package cn.xiaoben.activity;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import cn.xiaoben.testsupport.TopicRecorder;
import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillProgrammeApiTest {

    static final String DISTRICT = "dst-skp", TOWNSHIP = "tsp-skp", SCHOOL = "sch-skp-a", OTHER_SCHOOL = "sch-skp-b";
    static final String LEARNER = "t-skp-1", COLLEAGUE = "t-skp-2";
    static final String PATH = "/api/activities/skill-programmes";
    static final String COLLECTION = "skill_programmes";
    static final List<String> MODULES = List.of("A1 技术支持的学情分析", "B2 微课程设计与制作", "C3 数字化评价");

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    MongoDatabase database;
    @Autowired
    TestClock clock;
    @Autowired
    List<PortfolioSource> portfolio;

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    final String learner = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, LEARNER);
    final String colleague = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, COLLEAGUE);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "实验小学", "小学", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城北小学", "小学", now));
            events.publish(new TeacherRegistered(LEARNER, DISTRICT, TOWNSHIP, SCHOOL, "何丽", "女", "信息技术", "g-s1", "一级教师", 1987, now));
            events.publish(new TeacherRegistered(COLLEAGUE, DISTRICT, TOWNSHIP, SCHOOL, "马超", "男", "科学", "g-s2", "二级教师", 1994, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(LEARNER).isPresent()
                && directory.teacher(COLLEAGUE).isPresent());
    }

    /** Today in China on the service's clock, read when needed (a test of the same context may have moved it). */
    LocalDate today() {
        return clock.today();
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> enrolment() {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", LEARNER);
        body.put("programme", "信息技术应用能力提升工程2.0");
        body.put("level", "PROVINCE");
        body.put("modules", MODULES);
        body.put("enrolledOn", today().minusDays(20).toString());
        return body;
    }

    String enrolled() {
        Http.Reply reply = http.post(PATH, learner, enrolment());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    Http.Reply complete(String id, String module, LocalDate on) {
        return http.post(PATH + "/" + id + "/modules/" + URLEncoder.encode(module, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/completion", learner, Map.of("on", on.toString()));
    }

    static Predicate<ConsumerRecord<String, CloudEvent>> of(String type, String id) {
        return r -> r.value() != null && type.equals(r.value().getType()) && id.equals(r.value().getSubject());
    }

    static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    static void schemaValidAndKeyedByTheLearner(ConsumerRecord<String, CloudEvent> record) {
        assertThat(record.key()).isEqualTo(LEARNER);
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes()))
                .as(data(record)).isEmpty();
    }

    void refused(String path, String token, Map<String, Object> body, Consumer<Map<String, Object>> change,
                 int status, String code, String field) {
        Map<String, Object> bad = new HashMap<>(body);
        change.accept(bad);
        Http.Reply reply = http.post(path, token, bad);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("code").asString()).as(reply.body()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().get("errors").findValuesAsString("field")).as(reply.body()).contains(field);
        }
    }

    @Test
    void aTeacherEnrolsCompletesEveryModuleAndPassesWithAnEventForEachStep() {
        String id = enrolled();
        schemaValidAndKeyedByTheLearner(activityTopic.await(of(EventTypes.SKILL_PROGRAMME_ENROLLED.name(), id)));

        assertThat(complete(id, MODULES.get(0), today().minusDays(15)).status()).isEqualTo(200);
        assertThat(complete(id, "2", today().minusDays(10)).json().get("completedModules").asInt()).isEqualTo(2);
        Http.Reply incomplete = http.post(PATH + "/" + id + "/result", learner,
                Map.of("passed", true, "on", today().toString()));
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.json().get("code").asString()).isEqualTo("modules-incomplete");
        assertThat(incomplete.json().get("detailZh").asString()).contains(MODULES.get(2));
        assertThat(incomplete.json().get("errors").findValuesAsString("field")).containsExactly("modules[2]");

        Http.Reply last = complete(id, MODULES.get(2), today().minusDays(5));
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("version").asLong()).isEqualTo(4);
        Http.Reply again = complete(id, "1", today());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("module-already-completed");

        Http.Reply result = http.post(PATH + "/" + id + "/result", school,
                Map.of("passed", true, "on", today().toString(), "score", 92.5));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get("status").asString()).isEqualTo("PASSED");
        assertThat(result.json().get("score").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(http.post(PATH + "/" + id + "/result", school, Map.of("passed", false, "on", today().toString()))
                .json().get("code").asString()).isEqualTo("result-already-recorded");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                activityTopic.all(of(EventTypes.SKILL_MODULE_COMPLETED.name(), id)).size() == 3);
        activityTopic.all(of(EventTypes.SKILL_MODULE_COMPLETED.name(), id))
                .forEach(SkillProgrammeApiTest::schemaValidAndKeyedByTheLearner);
        assertThat(activityTopic.all(of(EventTypes.SKILL_MODULE_COMPLETED.name(), id)).stream()
                .map(SkillProgrammeApiTest::data)).anySatisfy(d -> assertThat(d)
                .contains("\"moduleNumber\":2", "\"module\":\"" + MODULES.get(1) + "\"", "\"completedModules\":2"));
        ConsumerRecord<String, CloudEvent> completed =
                activityTopic.await(of(EventTypes.SKILL_PROGRAMME_COMPLETED.name(), id));
        schemaValidAndKeyedByTheLearner(completed);
        assertThat(data(completed)).contains("\"result\":\"PASSED\"", "\"score\":92.5", "\"totalModules\":3");

        List<PortfolioEntry> entries = portfolio.stream()
                .flatMap(s -> s.entries(LEARNER, today().minusDays(30), today().plusDays(1)).stream())
                .filter(e -> e.form().equals("SKILL_PROGRAMME") && e.id().equals(id)).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("LEARNER");
            assertThat(e.status()).isEqualTo("PASSED");
            assertThat(e.level()).isEqualTo("PROVINCE");
            assertThat(e.date()).isEqualTo(today());
            assertThat(e.details()).containsEntry("modules", 3);
        });
    }

    @Test
    void anEnrolledProgrammeIsInThePortfolioAsEnrolledAndAFailIsRecorded() {
        String id = enrolled();
        assertThat(portfolio.stream().flatMap(s -> s.entries(LEARNER, today().minusDays(30), today()).stream())
                .filter(e -> e.id().equals(id))).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("ENROLLED"));
        for (int i = 1; i <= 3; i++) {
            assertThat(complete(id, String.valueOf(i), today()).status()).isEqualTo(200);
        }
        Http.Reply failed = http.post(PATH + "/" + id + "/result", learner, Map.of("passed", false, "on", today().toString()));
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(data(activityTopic.await(of(EventTypes.SKILL_PROGRAMME_COMPLETED.name(), id))))
                .contains("\"result\":\"FAILED\"", "\"score\":null");
        assertThat(http.get(PATH + "?status=FAILED&size=200", school).json().get("items").findValuesAsString("id"))
                .contains(id);
    }

    @Test
    void badEnrolmentsCompletionsAndResultsAreRefusedAndNothingIsWritten() {
        long before = database.getCollection(COLLECTION).countDocuments();
        Map<String, Object> ok = enrolment();
        refused(PATH, learner, ok, b -> b.put("modules", List.of("A1", "B2", "A1")), 400, "invalid-request",
                "modules[2]");
        refused(PATH, learner, ok, b -> b.put("modules", List.of()), 400, "invalid-request", "modules");
        refused(PATH, learner, ok, b -> b.put("modules", java.util.stream.IntStream.rangeClosed(1, 31)
                .mapToObj(i -> "M" + i).toList()), 400, "invalid-request", "modules");
        refused(PATH, learner, ok, b -> b.put("enrolledOn", today().plusDays(1).toString()), 400, "invalid-request",
                "enrolledOn");
        refused(PATH, learner, ok, b -> b.put("level", "GALAXY"), 400, "invalid-request", "level");
        refused(PATH, colleague, ok, b -> { }, 403, "out-of-scope", null);
        refused(PATH, otherSchool, ok, b -> { }, 422, "teacher-not-in-school", "teacherId");
        assertThat(database.getCollection(COLLECTION).countDocuments()).isEqualTo(before);

        String id = enrolled();
        Http.Reply unknown = complete(id, "Z9 不存在的模块", today());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(complete(id, "4", today()).status()).isEqualTo(404);
        assertThat(complete(id, "1", today().minusDays(21)).json().get("errors").get(0).get("field").asString())
                .isEqualTo("on");
        assertThat(complete(id, "1", today().plusDays(1)).status()).isEqualTo(400);
        refused(PATH + "/" + id + "/result", learner, Map.of("on", today().toString(), "passed", true),
                b -> b.put("score", 101), 400, "invalid-request", "score");
        refused(PATH + "/" + id + "/result", learner, Map.of("on", today().toString()), b -> { }, 400,
                "invalid-request", "passed");
        Document stored = database.getCollection(COLLECTION).find(new Document("_id", id)).first();
        assertThat(stored.get("version")).isEqualTo(1L);
        assertThat(stored.getString("status")).isEqualTo("ENROLLED");
    }

    @Test
    void teachersSeeAndChangeOnlyTheirOwnAndOtherSchoolsAreOutOfScope() {
        String id = enrolled();
        assertThat(http.get(PATH + "/" + id, colleague).status()).isEqualTo(403);
        assertThat(http.get(PATH + "/" + id, otherSchool).status()).isEqualTo(403);
        assertThat(http.get(PATH + "/" + id, TestTokens.township(DISTRICT, TOWNSHIP)).status()).isEqualTo(200);
        assertThat(http.post(PATH + "/" + id + "/modules/1/completion", colleague, Map.of("on", today().toString()))
                .status()).isEqualTo(403);
        assertThat(http.post(PATH + "/" + id + "/modules/1/completion", otherSchool, Map.of("on", today().toString()))
                .status()).isEqualTo(403);
        assertThat(http.get(PATH + "?size=200", colleague).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(http.get(PATH + "?teacherId=" + LEARNER + "&level=PROVINCE&size=200", school).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(http.get(PATH + "?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneEnrolment() {
        Map<String, String> key = Map.of("Idempotency-Key", "skp-" + System.nanoTime());
        Http.Reply first = http.post(PATH, learner, enrolment(), key);
        Http.Reply again = http.post(PATH, learner, enrolment(), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(database.getCollection(COLLECTION).countDocuments(
                new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
        activityTopic.await(of(EventTypes.SKILL_PROGRAMME_ENROLLED.name(), id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection(COLLECTION)
                .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                .isEqualTo(false));
        assertThat(activityTopic.all(of(EventTypes.SKILL_PROGRAMME_ENROLLED.name(), id))).hasSize(1);
    }
}
