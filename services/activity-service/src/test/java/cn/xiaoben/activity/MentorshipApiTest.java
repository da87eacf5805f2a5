package cn.xiaoben.activity;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.SchoolYear;
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
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentorshipApiTest {

    static final String DISTRICT = "dst-mnt", TOWNSHIP = "tsp-mnt", SCHOOL = "sch-mnt-a", OTHER_SCHOOL = "sch-mnt-b";
    static final String MENTOR = "t-mnt-mentor", OUTSIDER = "t-mnt-outsider", FAR = "t-mnt-far";
    static final String PATH = "/api/activities/mentorships";
    static final String COLLECTION = "mentorships";

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
    final String mentor = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, MENTOR);
    final String outsider = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, OUTSIDER);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "青蓝中学", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城南中学", "初中", now));
            events.publish(new TeacherRegistered(MENTOR, DISTRICT, TOWNSHIP, SCHOOL, "陈建国", "男", "数学", "g-m1", "高级教师", 1975, now));
            events.publish(new TeacherRegistered(OUTSIDER, DISTRICT, TOWNSHIP, SCHOOL, "许静", "女", "数学", "g-m1", "一级教师", 1985, now));
            for (int i = 1; i <= 6; i++) {
                events.publish(new TeacherRegistered(mentee(i), DISTRICT, TOWNSHIP, SCHOOL, "青年教师" + i, "女", "数学",
                        "g-m1", "二级教师", 1998, now));
            }
            events.publish(new TeacherRegistered(FAR, DISTRICT, TOWNSHIP, OTHER_SCHOOL, "赵磊", "男", "数学", "g-m2", "一级教师", 1990, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(MENTOR).isPresent()
                && directory.teacher(OUTSIDER).isPresent() && directory.teacher(mentee(6)).isPresent()
                && directory.teacher(FAR).isPresent());
    }

    /** Today in China on the service's clock, read when needed (a test of the same context may have moved it). */
    LocalDate today() {
        return clock.today();
    }

    /** The school year of {@link #today()}. */
    SchoolYear year() {
        return SchoolYear.of(today());
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    static String mentee(int i) {
        return "t-mnt-mentee-" + i;
    }

    Map<String, Object> pairing(String menteeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("mentorId", MENTOR);
        body.put("menteeId", menteeId);
        body.put("schoolYear", year().name());
        body.put("goals", List.of("每周听徒弟一节课", "指导徒弟上一节校级公开课"));
        body.put("startedOn", year().firstDay().toString());
        return body;
    }

    String formed(String menteeId) {
        Http.Reply reply = http.post(PATH, school, pairing(menteeId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    Map<String, Object> checkpoint(String kind, LocalDate on) {
        return Map.of("on", on.toString(), "kind", kind, "note", "听课后交流：导入环节可再精简");
    }

    static Predicate<ConsumerRecord<String, CloudEvent>> of(String type, String id) {
        return r -> r.value() != null && type.equals(r.value().getType()) && id.equals(r.value().getSubject());
    }

    static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
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
    void aPairIsFormedItsCheckpointsAreRecordedAndEachEventIsKeyedByTheMentee() {
        String mentee = mentee(1);
        String id = formed(mentee);
        ConsumerRecord<String, CloudEvent> formed = activityTopic.await(of(EventTypes.MENTORSHIP_FORMED.name(), id));
        assertThat(formed.key()).isEqualTo(mentee);
        assertThat(TestEvents.schemaViolations(formed.value().getType(), formed.value().getData().toBytes()))
                .as(data(formed)).isEmpty();
        assertThat(data(formed)).contains("\"mentorId\":\"" + MENTOR + "\"", "\"schoolYear\":\"" + year().name() + "\"");

        String menteeToken = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, mentee);
        List<String> tokens = List.of(mentor, menteeToken, school);
        List<String> kinds = List.of("LESSON_OBSERVED", "PLAN_REVIEWED", "TERM_REVIEW");
        for (int i = 0; i < 3; i++) {
            Http.Reply reply = http.post(PATH + "/" + id + "/checkpoints", tokens.get(i), checkpoint(kinds.get(i), today()));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("version").asLong()).isEqualTo(i + 2);
            assertThat(reply.json().get("checkpoints")).hasSize(i + 1);
        }
        JsonNode pair = http.get(PATH + "/" + id, menteeToken).json();
        assertThat(pair.get("mentorName").asString()).isEqualTo("陈建国");
        assertThat(pair.get("checkpoints").get(2).get("kind").asString()).isEqualTo("TERM_REVIEW");
        assertThat(pair.get("checkpoints").get(2).get("number").asInt()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                activityTopic.all(of(EventTypes.MENTORSHIP_CHECKPOINT_RECORDED.name(), id)).size() == 3);
        List<ConsumerRecord<String, CloudEvent>> checkpoints =
                activityTopic.all(of(EventTypes.MENTORSHIP_CHECKPOINT_RECORDED.name(), id));
        assertThat(checkpoints).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(mentee);
            assertThat(TestEvents.schemaViolations(r.value().getType(), r.value().getData().toBytes()))
                    .as(data(r)).isEmpty();
        });
        assertThat(checkpoints.stream().map(MentorshipApiTest::data))
                .anySatisfy(d -> assertThat(d).contains("\"number\":3", "\"kind\":\"TERM_REVIEW\""));

        List<PortfolioEntry> mentorEntries = entries(MENTOR).stream().filter(e -> e.id().equals(id)).toList();
        assertThat(mentorEntries).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("MENTOR");
            assertThat(e.date()).isEqualTo(year().firstDay());
            assertThat(e.details()).containsEntry("checkpoints", 3).containsEntry("counterpartName", "青年教师1");
        });
        assertThat(entries(mentee)).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("MENTEE");
            assertThat(e.details()).containsEntry("counterpartName", "陈建国");
        });
    }

    List<PortfolioEntry> entries(String teacherId) {
        return portfolio.stream().flatMap(s -> s.entries(teacherId, year().firstDay(), year().endExclusive()).stream())
                .filter(e -> e.form().equals("MENTORSHIP")).toList();
    }

    @Test
    void aMenteeHasOneMentorPerSchoolYearEvenWhenTwoRequestsRace() {
        String mentee = mentee(2);
        List<Http.Reply> replies = List.of(
                CompletableFuture.supplyAsync(() -> http.post(PATH, school, pairing(mentee))),
                CompletableFuture.supplyAsync(() -> {
                    Map<String, Object> other = pairing(mentee);
                    other.put("mentorId", OUTSIDER);
                    return http.post(PATH, school, other);
                })).stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Http.Reply::status).containsExactlyInAnyOrder(201, 409);
        Http.Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("code").asString()).isEqualTo("mentee-already-paired");
        assertThat(refused.json().get("detailZh").asString()).contains(year().name());
        assertThat(database.getCollection(COLLECTION).countDocuments(
                new Document("menteeId", mentee).append("schoolYear", year().name()))).isEqualTo(1);

        Map<String, Object> lastYear = pairing(mentee);
        SchoolYear previous = new SchoolYear(year().startYear() - 1);
        lastYear.put("schoolYear", previous.name());
        lastYear.put("startedOn", previous.firstDay().toString());
        assertThat(http.post(PATH, school, lastYear).status()).isEqualTo(201);
    }

    @Test
    void badPairingsAndCheckpointsAreRefusedWithFieldErrorsAndNothingIsWritten() {
        long before = database.getCollection(COLLECTION).countDocuments();
        Map<String, Object> ok = pairing(mentee(3));
        SchoolYear next = new SchoolYear(year().startYear() + 1);
        refused(PATH, school, ok, b -> b.put("menteeId", MENTOR), 400, "invalid-request", "menteeId");
        refused(PATH, school, ok, b -> b.put("schoolYear", "2026-2028"), 400, "invalid-request", "schoolYear");
        refused(PATH, school, ok, b -> b.put("startedOn", year().firstDay().minusDays(1).toString()), 400,
                "invalid-request", "startedOn");
        refused(PATH, school, ok, b -> {
            b.put("schoolYear", next.name());
            b.put("startedOn", next.firstDay().toString());
        }, 400, "invalid-request", "startedOn");
        refused(PATH, school, ok, b -> b.put("goals", List.of()), 400, "invalid-request", "goals");
        refused(PATH, school, ok, b -> b.put("goals", Collections.nCopies(11, "听课")), 400, "invalid-request", "goals");
        refused(PATH, school, ok, b -> b.put("menteeId", FAR), 422, "teacher-not-in-school", "menteeId");
        refused(PATH, mentor, ok, b -> { }, 403, "out-of-scope", null);
        refused(PATH, TestTokens.township(DISTRICT, TOWNSHIP), ok, b -> { }, 403, "out-of-scope", null);
        assertThat(database.getCollection(COLLECTION).countDocuments()).isEqualTo(before);

        String id = formed(mentee(3));
        String checkpoints = PATH + "/" + id + "/checkpoints";
        Map<String, Object> fine = checkpoint("LESSON_GUIDED", today());
        refused(checkpoints, mentor, fine, b -> b.put("on", year().firstDay().minusDays(1).toString()), 400,
                "invalid-request", "on");
        refused(checkpoints, mentor, fine, b -> b.put("on", today().plusDays(1).toString()), 400, "invalid-request", "on");
        refused(checkpoints, mentor, fine, b -> b.put("kind", "PARTY"), 400, "invalid-request", "kind");
        refused(checkpoints, mentor, fine, b -> b.remove("note"), 400, "invalid-request", "note");
        refused(checkpoints, mentor, fine, b -> b.put("attachmentIds", List.of("att-missing")), 422,
                "attachment-unknown", "attachmentIds[0]");
        refused(PATH + "/mnt-missing/checkpoints", mentor, fine, b -> { }, 404, "not-found", null);
        Document stored = database.getCollection(COLLECTION).find(new Document("_id", id)).first();
        assertThat(stored.get("version")).isEqualTo(1L);
        assertThat(stored.getList("checkpoints", Document.class)).isEmpty();
    }

    @Test
    void onlyThePairAndTheirSchoolSeeAndWriteIt() {
        String mentee = mentee(4);
        String id = formed(mentee);
        String path = PATH + "/" + id;

        assertThat(http.get(path, otherSchool).status()).isEqualTo(403);
        assertThat(http.get(path, outsider).status()).isEqualTo(403);
        assertThat(http.get(path, mentor).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.bureau(DISTRICT)).status()).isEqualTo(200);
        assertThat(http.post(path + "/checkpoints", outsider, checkpoint("OTHER", today())).status()).isEqualTo(403);
        assertThat(http.post(path + "/checkpoints", otherSchool, checkpoint("OTHER", today())).status()).isEqualTo(403);
        assertThat(http.post(path + "/checkpoints", TestTokens.bureau(DISTRICT), checkpoint("OTHER", today())).status())
                .isEqualTo(403);

        assertThat(http.get(PATH + "?teacherId=" + mentee + "&schoolYear=" + year().name(), school).json().get("items")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(http.get(PATH + "?teacherId=" + MENTOR + "&size=200", school).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(http.get(PATH + "?size=200", outsider).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(http.get(PATH + "?size=200", TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, mentee)).json()
                .get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(http.get(PATH + "?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong()).isZero();
        assertThat(http.get(PATH + "?schoolYear=2026", school).status()).isEqualTo(400);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnePairAndOneEvent() {
        Map<String, String> key = Map.of("Idempotency-Key", "mnt-" + System.nanoTime());
        Http.Reply first = http.post(PATH, school, pairing(mentee(5)), key);
        Http.Reply again = http.post(PATH, school, pairing(mentee(5)), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(database.getCollection(COLLECTION).countDocuments(new Document("menteeId", mentee(5)))).isEqualTo(1);
        activityTopic.await(of(EventTypes.MENTORSHIP_FORMED.name(), id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection(COLLECTION)
                .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                .isEqualTo(false));
        assertThat(activityTopic.all(of(EventTypes.MENTORSHIP_FORMED.name(), id))).hasSize(1);
    }
}
