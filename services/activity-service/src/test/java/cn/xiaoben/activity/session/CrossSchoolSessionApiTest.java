package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TownshipRegistered;
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
import java.util.List;
import java.util.Map;

import static cn.xiaoben.activity.session.SessionFixtures.assertFieldError;
import static cn.xiaoben.activity.session.SessionFixtures.body;
import static cn.xiaoben.activity.session.SessionFixtures.created;
import static cn.xiaoben.activity.session.SessionFixtures.data;
import static cn.xiaoben.activity.session.SessionFixtures.held;
import static cn.xiaoben.activity.session.SessionFixtures.lesson;
import static cn.xiaoben.activity.session.SessionFixtures.of;
import static cn.xiaoben.activity.session.SessionFixtures.schemaValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Township- and county-hosted sessions: who plans and runs them, who takes part, who sees them. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSchoolSessionApiTest {

    static final String DISTRICT = "dst-x", T_ONE = "tsp-x1", T_TWO = "tsp-x2";
    static final String A = "sch-x1a", B = "sch-x1b", C = "sch-x2c";
    static final String HOST = "t-xa-host", A1 = "t-xa-1", B1 = "t-xb-1", B2 = "t-xb-2", C1 = "t-xc-1";

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
    final String townshipOne = TestTokens.township(DISTRICT, T_ONE);
    final String townshipTwo = TestTokens.township(DISTRICT, T_TWO);
    final String bureau = TestTokens.bureau(DISTRICT);
    final String expert = TestTokens.sign(Map.of("district_id", DISTRICT, "roles", List.of("EXPERT")), "expert-x");
    final String schoolA = TestTokens.schoolSystem(DISTRICT, T_ONE, A);
    final String schoolB = TestTokens.schoolSystem(DISTRICT, T_ONE, B);
    final String schoolC = TestTokens.schoolSystem(DISTRICT, T_TWO, C);

    @BeforeAll
    void directory() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new TownshipRegistered(T_ONE, DISTRICT, "城关镇", now));
            events.publish(new TownshipRegistered(T_TWO, DISTRICT, "石桥镇", now));
            events.publish(new SchoolRegistered(A, DISTRICT, T_ONE, "城关一小", "小学", now));
            events.publish(new SchoolRegistered(B, DISTRICT, T_ONE, "城关二小", "小学", now));
            events.publish(new SchoolRegistered(C, DISTRICT, T_TWO, "石桥小学", "小学", now));
            publish(events, HOST, A, T_ONE, now);
            publish(events, A1, A, T_ONE, now);
            publish(events, B1, B, T_ONE, now);
            publish(events, B2, B, T_ONE, now);
            publish(events, C1, C, T_TWO, now);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(HOST, A1, B1, B2, C1).stream()
                .allMatch(t -> directory.teacher(t).isPresent()) && directory.school(C).isPresent()
                && directory.school(B).isPresent());
    }

    static void publish(TestEvents events, String id, String school, String township, Instant now) {
        events.publish(new TeacherRegistered(id, DISTRICT, township, school, "教师" + id, "女", "语文", "g-" + school,
                "一级教师", 1984, now));
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> townshipOpenLesson(List<String> participants, int hoursFromNow) {
        Map<String, Object> body = body(clock, "OPEN_LESSON", HOST, participants, hoursFromNow);
        body.put("hostUnit", "TOWNSHIP");
        body.put("level", "TOWNSHIP");
        body.put("lessonKind", "OBSERVATION");
        body.put("teachingTeacherIds", List.of(B1));
        body.put("lessonContent", lesson("秋天的雨"));
        return body;
    }

    @Test
    void theTownshipOfficePlansATownshipSessionWithTeachersOfItsSchoolsOnly() {
        Map<String, Object> body = townshipOpenLesson(List.of(A1, B2), 24);
        Http.Reply bySchool = http.post("/api/activities/sessions", schoolA, body);
        assertThat(bySchool.status()).isEqualTo(403);
        assertThat(http.post("/api/activities/sessions", townshipTwo, body).status()).isEqualTo(422);

        Map<String, Object> low = townshipOpenLesson(List.of(A1), 24);
        low.put("level", "SCHOOL");
        assertFieldError(http.post("/api/activities/sessions", townshipOne, low), 400, "level-below-host-unit",
                "level");
        assertFieldError(http.post("/api/activities/sessions", townshipOne, townshipOpenLesson(List.of(A1, C1), 24)),
                422, "participant-not-in-township", "participantIds[1]");
        Map<String, Object> farHost = townshipOpenLesson(List.of(A1), 24);
        farHost.put("hostId", C1);
        assertFieldError(http.post("/api/activities/sessions", townshipOne, farHost), 422, "teacher-not-in-township",
                "hostId");
        assertThat(database.getCollection(Sessions.COLLECTION).countDocuments(new Document("topic",
                body.get("topic")))).isZero();

        JsonNode session = created(http, townshipOne, body);
        assertThat(session.get("schoolId").asString()).isEqualTo(A);
        assertThat(session.get("hostUnit").asString()).isEqualTo("TOWNSHIP");
        assertThat(session.get("participantSchoolIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(A, B);
        assertThat(session.get("participants").findValuesAsString("teacherId")).containsExactly(A1, B2, B1);
        ConsumerRecord<String, CloudEvent> scheduled = activityTopic.await(
                of(EventTypes.ACTIVITY_SCHEDULED.name(), session.get("id").asString()));
        schemaValid(scheduled);
        assertThat(data(scheduled).get("hostUnit").asString()).isEqualTo("TOWNSHIP");
    }

    @Test
    void aParticipatingSchoolAndTheTownshipSeeTheSessionOtherTownshipsDoNot() {
        JsonNode session = created(http, townshipOne, townshipOpenLesson(List.of(A1, B2), 24));
        String id = session.get("id").asString();
        assertThat(http.get("/api/activities/sessions/" + id, schoolB).status()).isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, townshipOne).status()).isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, TestTokens.teacher(DISTRICT, T_ONE, B, B2)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, schoolC).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/sessions/" + id, townshipTwo).status()).isEqualTo(403);

        assertThat(http.get("/api/activities/sessions?size=200", schoolB).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(http.get("/api/activities/sessions?schoolId=" + B + "&size=200", schoolB).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(http.get("/api/activities/sessions?size=200", schoolC).json().get("items")
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(http.get("/api/activities/sessions?size=200", townshipTwo).json().get("items")
                .findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void theTownshipOfficeRunsItsSessionAndEachTeachersAttendanceCarriesTheirOwnSchool() {
        JsonNode session = created(http, townshipOne, townshipOpenLesson(List.of(A1, B2), -3));
        String id = session.get("id").asString();
        Http.Reply byHostSchool = http.post("/api/activities/sessions/" + id + "/attendance", schoolA,
                List.of(Map.of("teacherId", A1, "mark", "PRESENT", "attendedMinutes", 90)));
        assertThat(byHostSchool.status()).isEqualTo(403);
        assertThat(http.post("/api/activities/sessions/" + id + "/cancel", townshipTwo, Map.of()).status())
                .isEqualTo(403);

        held(http, townshipOne, session);
        ConsumerRecord<String, CloudEvent> teaching = activityTopic.await(
                of(EventTypes.ATTENDANCE_RECORDED.name(), id).and(r -> B1.equals(r.key())));
        schemaValid(teaching);
        assertThat(data(teaching).get("schoolId").asString()).isEqualTo(B);
        assertThat(data(teaching).get("townshipId").asString()).isEqualTo(T_ONE);
        assertThat(data(teaching).get("contribution").asString()).isEqualTo("TEACHING");
        ConsumerRecord<String, CloudEvent> local = activityTopic.await(
                of(EventTypes.ATTENDANCE_RECORDED.name(), id).and(r -> A1.equals(r.key())));
        assertThat(data(local).get("schoolId").asString()).isEqualTo(A);
        ConsumerRecord<String, CloudEvent> heldEvent = activityTopic.await(of(EventTypes.ACTIVITY_HELD.name(), id));
        schemaValid(heldEvent);
        assertThat(data(heldEvent).get("lessonKind").asString()).isEqualTo("OBSERVATION");
        assertThat(data(heldEvent).get("teachingTeacherIds").get(0).asString()).isEqualTo(B1);
    }

    @Test
    void theBureauOrAnExpertPlansCountySessionsAcrossTownships() {
        Map<String, Object> lecture = body(clock, "LECTURE", HOST, List.of(A1, C1), -3);
        lecture.put("hostUnit", "COUNTY");
        lecture.put("level", "TOWNSHIP");
        lecture.put("speakerName", "王教研员（市教科院）");
        assertFieldError(http.post("/api/activities/sessions", bureau, lecture), 400, "level-below-host-unit",
                "level");
        lecture.put("level", "COUNTY");
        assertThat(http.post("/api/activities/sessions", townshipOne, lecture).status()).isEqualTo(403);
        assertThat(http.post("/api/activities/sessions", schoolA, lecture).status()).isEqualTo(403);

        JsonNode session = created(http, expert, lecture);
        String id = session.get("id").asString();
        assertThat(session.get("participantSchoolIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(A, C);
        assertThat(http.get("/api/activities/sessions/" + id, townshipTwo).status()).isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, schoolC).status()).isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, schoolB).status()).isEqualTo(403);
        assertThat(http.post("/api/activities/sessions/" + id + "/cancel", townshipOne, Map.of()).status())
                .isEqualTo(403);

        held(http, bureau, session);
        ConsumerRecord<String, CloudEvent> far = activityTopic.await(
                of(EventTypes.ATTENDANCE_RECORDED.name(), id).and(r -> C1.equals(r.key())));
        schemaValid(far);
        assertThat(data(far).get("schoolId").asString()).isEqualTo(C);
        assertThat(data(far).get("townshipId").asString()).isEqualTo(T_TWO);
        assertThat(data(activityTopic.await(of(EventTypes.ACTIVITY_HELD.name(), id))).get("speakerName").asString())
                .isEqualTo("王教研员（市教科院）");
    }

    @Test
    void anUploadMayAddTeachersOfTheTownshipWhoseSchoolsThenSeeTheSessionButNoTeacherFromElsewhere() {
        Map<String, Object> salon = body(clock, "SALON", HOST, List.of(A1), -3);
        salon.put("hostUnit", "TOWNSHIP");
        salon.put("level", "TOWNSHIP");
        JsonNode session = created(http, townshipOne, salon);
        String id = session.get("id").asString();
        assertThat(http.get("/api/activities/sessions/" + id, schoolB).status()).isEqualTo(403);

        Http.Reply far = http.post("/api/activities/sessions/" + id + "/attendance", townshipOne, List.of(
                Map.of("teacherId", A1, "mark", "PRESENT", "attendedMinutes", 90),
                Map.of("teacherId", C1, "mark", "PRESENT", "attendedMinutes", 90)));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("errors").get(0).get("field").asString()).isEqualTo("line 2");
        assertThat(far.json().get("errors").get(0).get("code").asString()).isEqualTo("participant-not-in-township");
        assertThat(http.get("/api/activities/sessions/" + id, schoolA).json().get("status").asString())
                .isEqualTo("PLANNED");

        Http.Reply added = http.post("/api/activities/sessions/" + id + "/attendance", townshipOne, List.of(
                Map.of("teacherId", A1, "mark", "PRESENT", "attendedMinutes", 90),
                Map.of("teacherId", B2, "mark", "LATE", "attendedMinutes", 80)));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("participantSchoolIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(A, B);
        assertThat(http.get("/api/activities/sessions/" + id, TestTokens.teacher(DISTRICT, T_ONE, B, B2)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/activities/sessions/" + id, schoolC).status()).isEqualTo(403);
    }
}
