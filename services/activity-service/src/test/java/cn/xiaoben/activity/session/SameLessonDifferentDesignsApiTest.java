package cn.xiaoben.activity.session;

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
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.xiaoben.activity.session.SessionFixtures.assertFieldError;
import static cn.xiaoben.activity.session.SessionFixtures.body;
import static cn.xiaoben.activity.session.SessionFixtures.created;
import static cn.xiaoben.activity.session.SessionFixtures.data;
import static cn.xiaoben.activity.session.SessionFixtures.lesson;
import static cn.xiaoben.activity.session.SessionFixtures.schemaValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 同课异构: observations linked to the session, and the comparison of the teaching teachers. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameLessonDifferentDesignsApiTest {

    static final String DISTRICT = "dst-d", TOWNSHIP = "tsp-d", SCHOOL = "sch-d";
    static final String HOST = "t-d-host", YOUNG = "t-d-young", SENIOR = "t-d-senior", O1 = "t-d-o1", O2 = "t-d-o2",
            OUTSIDER = "t-d-out";

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    TestClock clock;
    @Autowired
    MongoDatabase database;

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);

    @BeforeAll
    void directory() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "石桥中学", "初中", now));
            for (String id : List.of(HOST, YOUNG, SENIOR, O1, O2, OUTSIDER)) {
                events.publish(new TeacherRegistered(id, DISTRICT, TOWNSHIP, SCHOOL, "教师" + id, "男", "数学", "g-d",
                        "一级教师", 1980, now));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacherCount(SCHOOL) == 6);
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    JsonNode sameLesson() {
        Map<String, Object> body = body(clock, "SAME_LESSON_DIFFERENT_DESIGNS", HOST, List.of(O1, O2), -3);
        body.put("teachingTeacherIds", List.of(YOUNG, SENIOR));
        body.put("lessonContent", lesson("一次函数的图象"));
        return created(http, school, body);
    }

    Map<String, Object> observation(String sessionId, String observer, String teacher, OffsetDateTime at,
                                    int score) {
        Map<String, Object> body = new HashMap<>();
        body.put("observerId", observer);
        body.put("teacherId", teacher);
        body.put("subject", "数学");
        body.put("grade", "八年级");
        body.put("topic", "一次函数的图象");
        body.put("observedAt", at.toString());
        body.put("durationMinutes", 45);
        body.put("scores", Map.of("objectives", score, "content", score + 2, "method", score - 2, "engagement", score,
                "effect", score, "basicSkills", score));
        body.put("comment", "设计新颖");
        body.put("sessionId", sessionId);
        return body;
    }

    long linked(String sessionId) {
        return database.getCollection("lesson_observations").countDocuments(new Document("sessionId", sessionId));
    }

    @Test
    void anObservationLinksToTheSessionOnlyForItsTeachingTeachersItsPeopleAndItsDate() {
        JsonNode session = sameLesson();
        String id = session.get("id").asString();
        OffsetDateTime at = OffsetDateTime.parse(session.get("plannedStart").asString());
        String path = "/api/activities/lesson-observations";

        assertFieldError(http.post(path, school, observation(id, O1, O2, at, 80)), 422, "observation-not-in-session",
                "teacherId");
        assertFieldError(http.post(path, school, observation(id, OUTSIDER, YOUNG, at, 80)), 422,
                "observation-not-in-session", "observerId");
        assertFieldError(http.post(path, school, observation(id, O1, YOUNG, at.minusDays(1), 80)), 422,
                "observation-not-in-session", "observedAt");
        assertFieldError(http.post(path, school, observation("ses-none", O1, YOUNG, at, 80)), 422,
                "observation-not-in-session", "sessionId");
        Map<String, Object> salon = body(clock, "SALON", HOST, List.of(O1), -3);
        String salonId = created(http, school, salon).get("id").asString();
        assertFieldError(http.post(path, school, observation(salonId, O1, YOUNG, at, 80)), 422,
                "observation-not-in-session", "sessionId");
        assertThat(linked(id)).isZero();
        assertThat(linked(salonId)).isZero();

        Http.Reply ok = http.post(path, school, observation(id, O1, YOUNG, at, 80));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("sessionId").asString()).isEqualTo(id);
        String observationId = ok.json().get("id").asString();
        ConsumerRecord<String, CloudEvent> event = activityTopic.await(
                SessionFixtures.of(EventTypes.LESSON_OBSERVED.name(), observationId));
        schemaValid(event);
        assertThat(data(event).get("sessionId").asString()).isEqualTo(id);
        // the host observes too
        assertThat(http.post(path, school, observation(id, HOST, SENIOR, at, 90)).status()).isEqualTo(201);
    }

    @Test
    void theComparisonAveragesEachTeachingTeachersLinkedObservations() {
        JsonNode session = sameLesson();
        String id = session.get("id").asString();
        OffsetDateTime at = OffsetDateTime.parse(session.get("plannedStart").asString());
        String path = "/api/activities/lesson-observations";
        for (Map<String, Object> body : List.of(observation(id, O1, YOUNG, at, 80), observation(id, O2, YOUNG, at, 90),
                observation(id, O1, SENIOR, at, 70))) {
            Http.Reply reply = http.post(path, school, body);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        // an unlinked observation of the same teacher does not count
        Map<String, Object> unlinked = observation(null, O1, YOUNG, at, 10);
        unlinked.remove("sessionId");
        assertThat(http.post(path, school, unlinked).status()).isEqualTo(201);

        Http.Reply reply = http.get("/api/activities/sessions/" + id + "/comparison", school);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode teachers = reply.json().get("teachers");
        assertThat(teachers.findValuesAsString("teacherId")).containsExactly(YOUNG, SENIOR);
        JsonNode young = teachers.get(0);
        assertThat(young.get("observations").asInt()).isEqualTo(2);
        assertThat(young.get("averages").get("objectives").asDouble()).isEqualTo(85.0);
        assertThat(young.get("averages").get("content").asDouble()).isEqualTo(87.0);
        assertThat(young.get("averages").get("method").asDouble()).isEqualTo(83.0);
        assertThat(young.get("overall").asDouble()).isEqualTo(85.0);
        JsonNode senior = teachers.get(1);
        assertThat(senior.get("observations").asInt()).isEqualTo(1);
        assertThat(senior.get("averages").get("objectives").asDouble()).isEqualTo(70.0);
        assertThat(reply.json().get("lessonContent").get("title").asString()).isEqualTo("一次函数的图象");

        Map<String, Object> themed = body(clock, "THEMED_RESEARCH", HOST, List.of(O1), -3);
        themed.put("speakerId", O2);
        String themedId = created(http, school, themed).get("id").asString();
        Http.Reply wrong = http.get("/api/activities/sessions/" + themedId + "/comparison", school);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("code").asString()).isEqualTo("not-for-form");
        assertThat(http.get("/api/activities/sessions/" + id + "/comparison",
                TestTokens.schoolSystem(DISTRICT, TOWNSHIP, "sch-d-other")).status()).isEqualTo(403);
    }
}
