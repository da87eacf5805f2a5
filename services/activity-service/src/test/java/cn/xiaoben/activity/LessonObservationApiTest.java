package cn.xiaoben.activity;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonObservationApiTest {

    static final String DISTRICT = "dst-t", TOWNSHIP = "tsp-t", SCHOOL = "sch-a", OTHER_SCHOOL = "sch-b";

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

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关一中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关二中", "初中", now));
            events.publish(new TeacherRegistered("t-observer", DISTRICT, TOWNSHIP, SCHOOL, "王丽", "女", "数学", "g-1", "一级教师", 1985, now));
            events.publish(new TeacherRegistered("t-observed", DISTRICT, TOWNSHIP, SCHOOL, "李强", "男", "数学", "g-1", "二级教师", 1992, now));
            events.publish(new TeacherRegistered("t-elsewhere", DISTRICT, TOWNSHIP, OTHER_SCHOOL, "赵敏", "女", "数学", "g-2", "一级教师", 1988, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher("t-elsewhere").isPresent()
                && directory.teacher("t-observer").isPresent() && directory.teacher("t-observed").isPresent());
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> body() {
        return body(clock);
    }

    /** A valid observation, of a lesson some days before what {@code clock} shows (a past lesson at any "now"). */
    static Map<String, Object> body(TestClock clock) {
        Map<String, Object> body = new HashMap<>();
        body.put("observerId", "t-observer");
        body.put("teacherId", "t-observed");
        body.put("subject", "数学");
        body.put("grade", "七年级");
        body.put("topic", "一元一次方程");
        body.put("observedAt", clock.today().minusDays(17) + "T09:00:00+08:00");
        body.put("durationMinutes", 45);
        body.put("scores", Map.of("objectives", 90, "content", 85, "method", 88, "engagement", 80, "effect", 86,
                "basicSkills", 90));
        body.put("comment", "目标明确，学生参与度高");
        return body;
    }

    @Test
    void aRecordedObservationIsStoredAndPublishedAsLessonObservedKeyedByTheObserver() {
        Map<String, Object> body = body();
        Http.Reply reply = http.post("/api/activities/lesson-observations", school, body);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.json().get("schoolId").asString()).isEqualTo(SCHOOL);
        assertThat(reply.json().get("teacherName").asString()).isEqualTo("李强");
        assertThat(reply.header("Location")).endsWith("/api/activities/lesson-observations/" + id);
        assertThat(reply.header("X-Request-Id")).isNotBlank();

        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo("t-observer");
        assertThat(record.value().getType()).isEqualTo(EventTypes.LESSON_OBSERVED.name());
        assertThat(record.value().getSource().toString()).isEqualTo("/xiaoben/activity-service");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.LESSON_OBSERVED.name());
        byte[] data = record.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.LESSON_OBSERVED.name(), data)).isEmpty();
        assertThat(new String(data, StandardCharsets.UTF_8)).contains("\"observedAt\":\"" + body.get("observedAt") + "\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database
                .getCollection("lesson_observations").find(new org.bson.Document("_id", id)).first())
                .extracting(d -> d.containsKey("outboxPendingSince")).isEqualTo(false));
        assertThat(http.get("/api/activities/lesson-observations/" + id, school).json().get("topic").asString())
                .isEqualTo("一元一次方程");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstRecordAndPublishesOnce() {
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + System.nanoTime());
        Http.Reply first = http.post("/api/activities/lesson-observations", school, body(), key);
        Http.Reply again = http.post("/api/activities/lesson-observations", school, body(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(database.getCollection("lesson_observations").countDocuments(
                new org.bson.Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
        activityTopic.await(r -> r.value() != null && id.equals(r.value().getSubject()));
        assertThat(activityTopic.all(r -> r.value() != null && id.equals(r.value().getSubject()))).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + System.nanoTime());
        http.post("/api/activities/lesson-observations", school, body(), key);
        Map<String, Object> other = body();
        other.put("topic", "二元一次方程组");
        Http.Reply reply = http.post("/api/activities/lesson-observations", school, other, key);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("code").asString()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void missingAndOutOfRangeFieldsAreListedInBothLanguages() {
        Map<String, Object> bad = body();
        bad.remove("observerId");
        bad.put("durationMinutes", 0);
        bad.put("scores", Map.of("objectives", 130));
        long before = database.getCollection("lesson_observations").countDocuments();

        Http.Reply reply = http.post("/api/activities/lesson-observations", school, bad);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).isEqualTo("https://xiaoben.cn/problems/invalid-request");
        assertThat(reply.json().get("titleZh").asString()).isEqualTo("请求不合法");
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .contains("observerId", "durationMinutes", "scores[objectives]");
        var duration = reply.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals("durationMinutes")).findFirst().orElseThrow();
        assertThat(duration.get("message").asString()).contains("1");
        assertThat(duration.get("messageZh").asString()).contains("1").containsPattern("[\\u4e00-\\u9fa5]");
        assertThat(database.getCollection("lesson_observations").countDocuments()).isEqualTo(before);
    }

    @Test
    void unknownRubricDimensionsAndUnknownFieldsAreRejected() {
        Map<String, Object> bad = body();
        bad.put("scores", Map.of("charisma", 90));
        Http.Reply dimension = http.post("/api/activities/lesson-observations", school, bad);
        assertThat(dimension.status()).isEqualTo(400);
        assertThat(dimension.json().get("errors").get(0).get("field").asString()).isEqualTo("scores.charisma");

        Map<String, Object> extra = body();
        extra.put("observerName", "王丽");
        Http.Reply unknown = http.post("/api/activities/lesson-observations", school, extra);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("code").asString()).isEqualTo("unknown-field");
    }

    @Test
    void malformedJsonWrongTypesAndWrongMediaTypeAreClientErrors() {
        Http.Reply malformed = http.post("/api/activities/lesson-observations", school, "{\"observerId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("malformed-body");

        Map<String, Object> wrongType = body();
        wrongType.put("observedAt", "last tuesday");
        Http.Reply type = http.post("/api/activities/lesson-observations", school, wrongType);
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("errors").get(0).get("field").asString()).isEqualTo("observedAt");

        Http.Reply xml = http.postRaw("/api/activities/lesson-observations", school, "application/xml", "<x/>");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.isProblem()).isTrue();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Map<String, Object> huge = body();
        huge.put("comment", "很".repeat(400_000));
        Http.Reply reply = http.post("/api/activities/lesson-observations", school, huge);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void selfObservationAndFutureObservationsAreInvalid() {
        Map<String, Object> self = body();
        self.put("teacherId", "t-observer");
        assertThat(http.post("/api/activities/lesson-observations", school, self).json().get("errors").get(0)
                .get("code").asString()).isEqualTo("self-observation");

        Map<String, Object> future = body();
        future.put("observedAt", clock.now().plusHours(1).toString()); // future on the service's clock
        Http.Reply reply = http.post("/api/activities/lesson-observations", school, future);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("observedAt");
    }

    @Test
    void teachersOfAnotherSchoolOrUnknownTeachersCannotBeNamed() {
        Map<String, Object> elsewhere = body();
        elsewhere.put("teacherId", "t-elsewhere");
        Http.Reply other = http.post("/api/activities/lesson-observations", school, elsewhere);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("teacher-not-in-school");

        Map<String, Object> unknown = body();
        unknown.put("observerId", "t-nobody");
        Http.Reply nobody = http.post("/api/activities/lesson-observations", school, unknown);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().get("code").asString()).isEqualTo("teacher-unknown");
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AndOutsideTheSchoolItIs403() {
        Http.Reply none = http.post("/api/activities/lesson-observations", null, body());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        assertThat(http.post("/api/activities/lesson-observations", TestTokens.forged(), body()).status())
                .isEqualTo(401);

        String id = http.post("/api/activities/lesson-observations", school, body()).json().get("id").asString();
        String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
        Http.Reply read = http.get("/api/activities/lesson-observations/" + id, otherSchool);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("detailZh").asString()).contains("权限");

        Http.Reply bureauWrite = http.post("/api/activities/lesson-observations", TestTokens.bureau(DISTRICT), body());
        assertThat(bureauWrite.status()).isEqualTo(403);
        assertThat(http.get("/api/activities/lesson-observations/" + id, TestTokens.bureau(DISTRICT)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/activities/lesson-observations/obs-missing", school).status()).isEqualTo(404);
    }

    @Test
    void listsAreScopedToTheCallersSchoolAndPaged() {
        http.post("/api/activities/lesson-observations", school, body());
        Http.Reply mine = http.get("/api/activities/lesson-observations?size=1", school);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items")).hasSize(1);
        assertThat(mine.json().get("total").asLong()).isGreaterThanOrEqualTo(1);

        String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
        assertThat(http.get("/api/activities/lesson-observations?schoolId=" + SCHOOL, otherSchool)
                .json().get("total").asLong()).isZero();
    }
}
