package cn.xiaoben.evaluation;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TownshipRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import cn.xiaoben.testsupport.TopicRecorder;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationScoresApiTest {

    static final String DISTRICT = "dst-e", TOWNSHIP = "tsp-e", SCHOOL = "sch-a", OTHER_SCHOOL = "sch-b";
    static final String OBSERVER = "t-observer";

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    TestClock clock;

    Http http;
    TestEvents events;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);

    @BeforeAll
    void directoryKnowsTwoSchoolsAndTheirTeachers() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        Instant now = clock.instant();
        events.publish(new TownshipRegistered(TOWNSHIP, DISTRICT, "城关镇", now));
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关一中", "初中", now));
        events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关二中", "初中", now));
        List<String> teachers = List.of(OBSERVER, "t-li", "t-partial", "t-dup", "t-sentinel", "t-poison", "t-quiet");
        teachers.forEach(t -> events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "教师" + t, "女",
                "数学", "g-1", "一级教师", 1985, now)));
        events.publish(new TeacherRegistered("t-elsewhere", DISTRICT, TOWNSHIP, OTHER_SCHOOL, "赵敏", "女", "数学",
                "g-2", "一级教师", 1988, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> Stream.concat(teachers.stream(), Stream.of("t-elsewhere"))
                .allMatch(t -> directory.teacher(t).isPresent()));
    }

    @AfterAll
    void close() {
        events.close();
    }

    static LessonObserved observed(String teacherId, OffsetDateTime at, Map<String, Integer> scores) {
        return new LessonObserved("obs-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, OBSERVER, teacherId, "数学",
                "七年级", "一元一次方程", at, 45, scores, "目标明确", TestClock.start());
    }

    static Map<String, Integer> scores(int objectives, int content, int method, int engagement, int effect,
                                       int basicSkills) {
        return Map.of("objectives", objectives, "content", content, "method", method, "engagement", engagement,
                "effect", effect, "basicSkills", basicSkills);
    }

    JsonNode scoresOf(String teacherId, String query) {
        Http.Reply reply = http.get("/api/evaluations/teachers/" + teacherId + "/observation-scores" + query, school);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    void awaitObservations(String teacherId, long count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scoresOf(teacherId, "").get("observations").asLong()).isEqualTo(count));
    }

    @Test
    void averagesPerDimensionAndTheOverallMeanAreComputedPerSchoolYearInChinaTime() {
        events.publish(observed("t-li", OffsetDateTime.parse("2026-09-15T09:00:00+08:00"), scores(90, 85, 80, 88, 86, 92)));
        events.publish(observed("t-li", OffsetDateTime.parse("2026-10-20T10:00:00+08:00"), scores(85, 90, 84, 80, 82, 88)));
        // 01:00 on 1 September in Shanghai, still 31 August in UTC: school year 2026-2027
        events.publish(observed("t-li", OffsetDateTime.parse("2026-08-31T17:00:00Z"), scores(80, 80, 80, 80, 80, 80)));
        events.publish(observed("t-li", OffsetDateTime.parse("2026-06-01T09:00:00+08:00"), scores(70, 70, 70, 70, 70, 70)));
        awaitObservations("t-li", 4);

        JsonNode year = scoresOf("t-li", "?year=2026-2027");
        assertThat(year.get("teacherName").asString()).isEqualTo("教师t-li");
        assertThat(year.get("schoolId").asString()).isEqualTo(SCHOOL);
        assertThat(year.get("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(year.get("observations").asLong()).isEqualTo(3);
        assertThat(year.get("averages").get("objectives").asDouble()).isEqualTo(85.0);
        assertThat(year.get("averages").get("method").asDouble()).isEqualTo(81.3);
        assertThat(year.get("averages").get("basicSkills").asDouble()).isEqualTo(86.7);
        assertThat(year.get("overall").asDouble()).isEqualTo(83.9);
        assertThat(year.get("weights").get("effect").asDouble()).isEqualTo(0.1667);
        assertThat(year.get("formula").asString()).contains("/ 6");
        assertThat(year.get("formulaZh").asString()).contains("÷ 6").contains("教学目标");
        assertThat(year.get("dimensions")).hasSize(6);
        assertThat(year.get("dimensions").get(0).get("labelZh").asString()).isEqualTo("教学目标");
        assertThat(year.get("dimensions").get(0).get("scoredObservations").asLong()).isEqualTo(3);
        assertThat(year.has("byYear")).isFalse();

        JsonNode allTime = scoresOf("t-li", "");
        assertThat(allTime.get("schoolYear").isNull()).isTrue();
        assertThat(allTime.get("observations").asLong()).isEqualTo(4);
        assertThat(allTime.get("averages").get("objectives").asDouble()).isEqualTo(81.3);
        assertThat(allTime.get("averages").get("method").asDouble()).isEqualTo(78.5);
        assertThat(allTime.get("overall").asDouble()).isEqualTo(80.4);
        assertThat(allTime.get("byYear")).hasSize(2);
        assertThat(allTime.get("byYear").get(0).get("schoolYear").asString()).isEqualTo("2025-2026");
        assertThat(allTime.get("byYear").get(0).get("overall").asDouble()).isEqualTo(70.0);
        assertThat(allTime.get("byYear").get(1).get("observations").asLong()).isEqualTo(3);
        assertThat(allTime.get("byYear").get(1).get("overall").asDouble()).isEqualTo(83.9);

        assertThat(scoresOf("t-li", "?year=2024-2025").get("observations").asLong()).isZero();
    }

    @Test
    void dimensionsNobodyScoredAreLeftOutOfTheOverallAndTheFormulaSaysSo() {
        events.publish(observed("t-partial", OffsetDateTime.parse("2026-10-09T09:00:00+08:00"),
                Map.of("objectives", 90, "content", 0)));
        awaitObservations("t-partial", 1);

        JsonNode scores = scoresOf("t-partial", "");
        assertThat(scores.get("averages").propertyNames()).containsExactly("objectives", "content");
        assertThat(scores.get("overall").asDouble()).isEqualTo(45.0);
        assertThat(scores.get("weights").get("objectives").asDouble()).isEqualTo(0.5);
        assertThat(scores.get("weights").get("method").asDouble()).isZero();
        assertThat(scores.get("formula").asString()).contains("(objectives + content) / 2").contains("method");
        assertThat(scores.get("dimensions").get(2).get("average").isNull()).isTrue();
    }

    @Test
    void aKnownTeacherWithoutObservationsHasNoScoresYet() {
        JsonNode scores = scoresOf("t-quiet", "?year=2026-2027");
        assertThat(scores.get("observations").asLong()).isZero();
        assertThat(scores.get("overall").isNull()).isTrue();
        assertThat(scores.get("averages").isEmpty()).isTrue();
    }

    @Test
    void aRedeliveredOrRepublishedObservationChangesNothing() {
        LessonObserved observation = observed("t-dup", OffsetDateTime.parse("2026-11-02T09:00:00+08:00"),
                scores(90, 90, 90, 90, 90, 90));
        String eventId = "ce-dup-" + UUID.randomUUID();
        events.publish(observation, eventId);
        awaitObservations("t-dup", 1);

        events.publish(observation, eventId);                             // redelivery: the same CloudEvent
        events.publish(observation, "ce-reminted-" + UUID.randomUUID());  // the same observation, a new envelope
        // same key (the observer), so the same partition: once this is applied, the duplicates were handled
        events.publish(observed("t-sentinel", OffsetDateTime.parse("2026-11-03T09:00:00+08:00"),
                scores(60, 60, 60, 60, 60, 60)));
        awaitObservations("t-sentinel", 1);

        JsonNode scores = scoresOf("t-dup", "");
        assertThat(scores.get("observations").asLong()).isEqualTo(1);
        assertThat(scores.get("overall").asDouble()).isEqualTo(90.0);
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        try (TopicRecorder deadLetters = new TopicRecorder(brokers, Topics.deadLetterOf(Topics.ACTIVITY))) {
            String unreadable = "ce-unreadable-" + UUID.randomUUID();
            events.publishRaw(Topics.ACTIVITY, OBSERVER, rawLessonObserved(unreadable, "{\"observationId\": "));
            String incomplete = "ce-incomplete-" + UUID.randomUUID();
            events.publishRaw(Topics.ACTIVITY, OBSERVER, rawLessonObserved(incomplete,
                    "{\"observationId\":\"obs-x\",\"observedAt\":\"2026-10-01T09:00:00+08:00\",\"scores\":{}}"));
            events.publish(observed("t-poison", OffsetDateTime.parse("2026-10-02T09:00:00+08:00"),
                    scores(75, 75, 75, 75, 75, 75)));

            ConsumerRecord<String, CloudEvent> first = deadLetters.await(r -> r.value() != null
                    && unreadable.equals(r.value().getId()));
            assertThat(first.key()).isEqualTo(OBSERVER);
            assertThat(first.value().getType()).isEqualTo(EventTypes.LESSON_OBSERVED.name());
            deadLetters.await(r -> r.value() != null && incomplete.equals(r.value().getId()));
            awaitObservations("t-poison", 1);
        }
    }

    static CloudEvent rawLessonObserved(String id, String data) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/xiaoben/broken-producer"))
                .withType(EventTypes.LESSON_OBSERVED.name()).withTime(TestClock.startTime())
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void scoresAreScopedToTheTeachersSchoolAndTeachersSeeOnlyTheirOwn() {
        String path = "/api/evaluations/teachers/t-li/observation-scores";

        Http.Reply none = http.get(path, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        Http.Reply otherSchool = http.get(path, TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL));
        assertThat(otherSchool.status()).isEqualTo(403);
        assertThat(otherSchool.json().get("detailZh").asString()).contains("权限");

        assertThat(http.get(path, TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, OBSERVER)).status()).isEqualTo(403);
        assertThat(http.get(path, TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-li")).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.township(DISTRICT, TOWNSHIP)).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.bureau(DISTRICT)).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.bureau("dst-other")).status()).isEqualTo(403);

        Http.Reply unknown = http.get("/api/evaluations/teachers/t-nobody/observation-scores", school);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void aMalformedSchoolYearIsABadRequest() {
        for (String year : List.of("2026", "2026-2028", "26-27", "abcd-efgh")) {
            Http.Reply reply = http.get("/api/evaluations/teachers/t-li/observation-scores?year=" + year, school);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
        }
    }
}
