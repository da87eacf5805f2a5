package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAttendanceApiTest {

    static final String DISTRICT = "dst-s", TOWNSHIP = "tsp-s", SCHOOL = "sch-sa", OTHER_SCHOOL = "sch-sb";
    static final String GROUP = "g-sa-math", BULK_GROUP = "g-sa-bulk", HOST = "t-host";
    static final int BULK = 500;

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    MongoDatabase database;
    /** The suite's clock, also the service's: the test moves it (codes expire, sessions start) instead of waiting. */
    @Autowired
    TestClock clock;

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);

    static String teacherToken(String teacherId) {
        return TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, teacherId);
    }

    @BeforeAll
    void directory() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关一中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关二中", "初中", now));
            events.publish(new SubjectGroupRegistered(GROUP, DISTRICT, TOWNSHIP, SCHOOL, "数学教研组", "数学", now));
            events.publish(new TeacherRegistered(HOST, DISTRICT, TOWNSHIP, SCHOOL, "王丽", "女", "数学", GROUP, "一级教师", 1980, now));
            String[] names = {"李强", "张敏", "刘洋", "陈静", "杨帆"};
            for (int i = 1; i <= 5; i++) {
                events.publish(new TeacherRegistered("t-p" + i, DISTRICT, TOWNSHIP, SCHOOL, names[i - 1], "男", "数学",
                        GROUP, "二级教师", 1990 + i, now));
            }
            events.publish(new TeacherRegistered("t-x", DISTRICT, TOWNSHIP, OTHER_SCHOOL, "赵敏", "女", "数学", "g-sb",
                    "一级教师", 1988, now));
            for (int i = 0; i < BULK; i++) {
                events.publish(new TeacherRegistered(bulkId(i), DISTRICT, TOWNSHIP, SCHOOL, "教师" + i, "女", "语文",
                        BULK_GROUP, "二级教师", 1985, now));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacher("t-x").isPresent()
                && directory.teacher("t-p5").isPresent() && directory.teacherCount(SCHOOL) == 6 + BULK
                && directory.collection(DirectoryReplica.GROUPS).countDocuments(new Document("_id", GROUP)) == 1);
    }

    static String bulkId(int i) {
        return String.format("t-b%03d", i);
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    /** A session starting at the next full hour after now + 1 hour, lasting 90 minutes. */
    Map<String, Object> session(List<String> participants) {
        OffsetDateTime start = clock.now().truncatedTo(ChronoUnit.HOURS).plusHours(2);
        Map<String, Object> body = new HashMap<>();
        body.put("form", "THEMED_RESEARCH");
        body.put("topic", "核心素养下的单元教学设计");
        body.put("level", "SCHOOL");
        body.put("hostId", HOST);
        body.put("speakerId", HOST); // 主题教研 names its central speaker (中心发言人): here the host
        body.put("subjectGroupId", GROUP);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plusMinutes(90).toString());
        body.put("place", "三楼会议室");
        body.put("participantIds", participants);
        return body;
    }

    JsonNode created(Map<String, Object> body) {
        Http.Reply reply = http.post("/api/activities/sessions", school, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    static OffsetDateTime start(JsonNode session) {
        return OffsetDateTime.parse(session.get("plannedStart").asString());
    }

    String open(String id) {
        Http.Reply reply = http.post("/api/activities/sessions/" + id + "/open", teacherToken(HOST), Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("code").asString()).matches("[0-9]{6}");
        return reply.json().get("code").asString();
    }

    String code(String id, String purpose) {
        Http.Reply reply = http.post("/api/activities/sessions/" + id + "/codes", teacherToken(HOST),
                Map.of("purpose", purpose));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("code").asString();
    }

    Http.Reply checkIn(String id, String teacherId, String code) {
        return http.post("/api/activities/sessions/" + id + "/check-in", teacherToken(teacherId), Map.of("code", code));
    }

    Http.Reply checkOut(String id, String teacherId, String code) {
        return http.post("/api/activities/sessions/" + id + "/check-out", teacherToken(teacherId), Map.of("code", code));
    }

    static JsonNode record(JsonNode session, String teacherId) {
        return session.get("attendance").valueStream().filter(r -> r.get("teacherId").asString().equals(teacherId))
                .findFirst().orElseThrow();
    }

    static Predicate<ConsumerRecord<String, CloudEvent>> of(String type, String sessionId) {
        return r -> r.value() != null && type.equals(r.value().getType()) && sessionId.equals(r.value().getSubject());
    }

    static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    static void schemaValid(ConsumerRecord<String, CloudEvent> record) {
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes()))
                .as(data(record)).isEmpty();
    }

    @Test
    void checkInAndOutGiveAttendedMinutesLateAndAbsentMarksAndOneAttendanceRecordedPerTeacher() {
        JsonNode session = created(session(List.of("t-p1", "t-p2", "t-p3")));
        String id = session.get("id").asString();
        assertThat(session.get("status").asString()).isEqualTo("PLANNED");
        ConsumerRecord<String, CloudEvent> scheduled = activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), id));
        assertThat(scheduled.key()).isEqualTo(HOST);
        schemaValid(scheduled);

        OffsetDateTime start = start(session);
        clock.moveTo(start.minusMinutes(2));
        String checkInCode = open(id);
        assertThat(checkIn(id, "t-p1", checkInCode).json().get("mark").asString()).isEqualTo("PRESENT");

        clock.moveTo(start.plusMinutes(7));
        String fresh = code(id, "CHECK_IN");
        Http.Reply late = checkIn(id, "t-p2", fresh);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("mark").asString()).isEqualTo("LATE");

        clock.moveTo(start.plusMinutes(89));
        String checkOutCode = code(id, "CHECK_OUT");
        Http.Reply out1 = checkOut(id, "t-p1", checkOutCode);
        assertThat(out1.status()).as(out1.body()).isEqualTo(200);
        assertThat(out1.json().get("attendedMinutes").asInt()).isEqualTo(89);
        assertThat(checkOut(id, "t-p2", checkOutCode).json().get("attendedMinutes").asInt()).isEqualTo(82);
        assertThat(checkOut(id, "t-p2", checkOutCode).json().get("code").asString()).isEqualTo("already-checked-out");

        clock.moveTo(start.plusMinutes(95));
        Http.Reply closed = http.post("/api/activities/sessions/" + id + "/close", teacherToken(HOST), Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("HELD");
        assertThat(record(closed.json(), "t-p3").get("mark").asString()).isEqualTo("ABSENT");
        assertThat(record(closed.json(), "t-p3").get("attendedMinutes").asInt()).isZero();
        assertThat(record(closed.json(), HOST).get("role").asString()).isEqualTo("HOST");
        assertThat(record(closed.json(), HOST).get("attendedMinutes").asInt()).isEqualTo(90);

        ConsumerRecord<String, CloudEvent> held = activityTopic.await(of(EventTypes.ACTIVITY_HELD.name(), id));
        assertThat(held.key()).isEqualTo(HOST);
        schemaValid(held);
        assertThat(data(held)).contains("\"present\":1", "\"late\":1", "\"absent\":1", "\"totalAttendedMinutes\":171");
        Map<String, ConsumerRecord<String, CloudEvent>> byTeacher = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            activityTopic.all(of(EventTypes.ATTENDANCE_RECORDED.name(), id)).forEach(r -> byTeacher.put(r.key(), r));
            return byTeacher.size() == 4;
        });
        byTeacher.values().forEach(SessionAttendanceApiTest::schemaValid);
        assertThat(data(byTeacher.get("t-p1"))).contains("\"attendedMinutes\":89", "\"mark\":\"PRESENT\"",
                "\"role\":\"PARTICIPANT\"", "\"source\":\"CHECK_IN\"", "\"hostId\":\"" + HOST + "\"");
        assertThat(data(byTeacher.get("t-p2"))).contains("\"attendedMinutes\":82", "\"mark\":\"LATE\"");
        assertThat(data(byTeacher.get("t-p3"))).contains("\"attendedMinutes\":0", "\"mark\":\"ABSENT\"");
        assertThat(data(byTeacher.get(HOST))).contains("\"role\":\"HOST\"", "\"attendedMinutes\":90");
        assertThat(activityTopic.all(of(EventTypes.ATTENDANCE_RECORDED.name(), id))).hasSize(4);

        // a correction is a new fact: AttendanceCorrected, and the superseded record stays in the history
        Http.Reply noReason = http.post("/api/activities/sessions/" + id + "/attendance/t-p3/corrections",
                teacherToken(HOST), Map.of("mark", "EXCUSED", "attendedMinutes", 0));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).contains("reason");
        Http.Reply corrected = http.post("/api/activities/sessions/" + id + "/attendance/t-p3/corrections",
                teacherToken(HOST), Map.of("mark", "EXCUSED", "attendedMinutes", 0, "reason", "参加县级培训，已请假"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("mark").asString()).isEqualTo("EXCUSED");
        assertThat(corrected.json().get("source").asString()).isEqualTo("CORRECTION");
        ConsumerRecord<String, CloudEvent> correction = activityTopic.await(
                of(EventTypes.ATTENDANCE_CORRECTED.name(), id));
        assertThat(correction.key()).isEqualTo("t-p3");
        schemaValid(correction);
        assertThat(data(correction)).contains("\"oldMark\":\"ABSENT\"", "\"newMark\":\"EXCUSED\"", "已请假");

        JsonNode after = http.get("/api/activities/sessions/" + id, school).json();
        JsonNode p3 = record(after, "t-p3");
        assertThat(p3.get("mark").asString()).isEqualTo("EXCUSED");
        assertThat(p3.get("history")).hasSize(1);
        assertThat(p3.get("history").get(0).get("mark").asString()).isEqualTo("ABSENT");
        assertThat(p3.get("history").get(0).get("source").asString()).isEqualTo("CHECK_IN");

        // the attendance sheet (出勤表): JSON, and CSV with a BOM for Excel
        JsonNode sheet = http.get("/api/activities/sessions/" + id + "/attendance-sheet", school).json();
        assertThat(sheet.get("rows")).hasSize(4);
        byte[] csv = getBytes("/api/activities/sessions/" + id + "/attendance-sheet", school, "text/csv");
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("姓名", "李强", "t-p2,张敏,PARTICIPANT,LATE,82", "参加县级培训，已请假");
        assertThat(new String(getBytes("/api/activities/sessions/" + id + "/attendance-sheet?format=csv", school,
                "application/json"), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void wrongExpiredAndRepeatedCodesAndOutsidersAreRefused() {
        JsonNode session = created(session(List.of("t-p1", "t-p2")));
        String id = session.get("id").asString();
        OffsetDateTime start = start(session);

        Http.Reply tooEarly = http.post("/api/activities/sessions/" + id + "/open", teacherToken(HOST), Map.of());
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("session-not-started");

        clock.moveTo(start);
        Http.Reply foreignOpen = http.post("/api/activities/sessions/" + id + "/open", otherSchool, Map.of());
        assertThat(foreignOpen.status()).isEqualTo(403);
        Http.Reply participantOpen = http.post("/api/activities/sessions/" + id + "/open", teacherToken("t-p1"), Map.of());
        assertThat(participantOpen.status()).isEqualTo(403);
        String code = open(id);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        Http.Reply bad = checkIn(id, "t-p1", wrong);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("code").asString()).isEqualTo("invalid-code");
        assertThat(bad.isProblem()).isTrue();

        Http.Reply notParticipant = checkIn(id, "t-p4", code);
        assertThat(notParticipant.status()).isEqualTo(403);
        assertThat(notParticipant.json().get("code").asString()).isEqualTo("not-a-participant");
        Http.Reply foreignTeacher = http.post("/api/activities/sessions/" + id + "/check-in",
                TestTokens.teacher(DISTRICT, TOWNSHIP, OTHER_SCHOOL, "t-x"), Map.of("code", code));
        assertThat(foreignTeacher.status()).isEqualTo(403);
        assertThat(http.post("/api/activities/sessions/" + id + "/check-in", school, Map.of("code", code)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/activities/sessions/" + id, otherSchool).status()).isEqualTo(403);

        assertThat(checkIn(id, "t-p1", code).status()).isEqualTo(200);
        Http.Reply twice = checkIn(id, "t-p1", code);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("already-checked-in");

        Http.Reply checkInCodeForCheckOut = checkOut(id, "t-p1", code);
        assertThat(checkInCodeForCheckOut.status()).isEqualTo(422);
        assertThat(checkInCodeForCheckOut.json().get("code").asString()).isEqualTo("invalid-code");

        clock.advance(Duration.ofMinutes(11));
        Http.Reply expired = checkIn(id, "t-p2", code);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.json().get("code").asString()).isEqualTo("expired-code");
        assertThat(expired.json().get("detailZh").asString()).contains("过期");

        Http.Reply malformed = checkIn(id, "t-p2", "12ab");
        assertThat(malformed.status()).isEqualTo(400);

        // a session is never stored with its codes in clear
        Document stored = database.getCollection(Sessions.COLLECTION).find(new Document("_id", id)).first();
        assertThat(stored.toJson()).doesNotContain("\"" + code + "\"");
    }

    @Test
    void simultaneousCheckInsAreAllRecorded() throws Exception {
        List<String> five = List.of("t-p1", "t-p2", "t-p3", "t-p4", "t-p5");
        JsonNode session = created(session(five));
        String id = session.get("id").asString();
        clock.moveTo(start(session));
        String code = open(id);
        List<java.util.concurrent.CompletableFuture<Http.Reply>> replies = five.stream()
                .map(t -> java.util.concurrent.CompletableFuture.supplyAsync(() -> checkIn(id, t, code))).toList();
        for (var reply : replies) {
            assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
        }
        JsonNode after = http.get("/api/activities/sessions/" + id, school).json();
        assertThat(after.get("attendance")).hasSize(5);
        assertThat(after.get("version").asInt()).isEqualTo(6);
    }

    @Test
    void aSessionCannotBeHeldBeforeItStartsAndACancelledOneIsPublished() {
        JsonNode session = created(session(List.of("t-p1")));
        String id = session.get("id").asString();
        Http.Reply upload = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv",
                "teacherId,mark,attendedMinutes\nt-p1,PRESENT,90\n");
        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.json().get("code").asString()).isEqualTo("session-not-started");
        Http.Reply close = http.post("/api/activities/sessions/" + id + "/close", school, Map.of());
        assertThat(close.status()).isEqualTo(409);

        Http.Reply cancelled = http.post("/api/activities/sessions/" + id + "/cancel", school, Map.of("reason", "期中考试调课"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        ConsumerRecord<String, CloudEvent> event = activityTopic.await(of(EventTypes.ACTIVITY_CANCELLED.name(), id));
        assertThat(event.key()).isEqualTo(HOST);
        schemaValid(event);
    }

    @Test
    void aFiveHundredLineFileWithOneBadLineIsRejectedWholeAndAGoodOneHoldsTheSession() {
        List<String> everyone = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            everyone.add(bulkId(i));
        }
        Map<String, Object> body = session(everyone);
        body.put("subjectGroupId", BULK_GROUP);
        JsonNode session = created(body);
        String id = session.get("id").asString();
        clock.moveTo(start(session).plusMinutes(100));

        StringBuilder good = new StringBuilder("teacherId,mark,attendedMinutes\n");
        for (int i = 0; i < BULK; i++) {
            good.append(bulkId(i)).append(i % 10 == 0 ? ",ABSENT,0\n" : ",PRESENT,90\n");
        }
        String[] lines = good.toString().split("\n");
        lines[16] = bulkId(15) + ",HERE,90"; // line 17 of the file (the header is line 1)
        String bad = String.join("\n", lines) + "\n";
        long before = database.getCollection(Sessions.COLLECTION).countDocuments(new Document("_id", id)
                .append("version", 0));

        Http.Reply rejected = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv", bad);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.isProblem()).isTrue();
        assertThat(rejected.json().get("code").asString()).isEqualTo("invalid-attendance-file");
        assertThat(rejected.json().get("errors")).hasSize(1);
        JsonNode error = rejected.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("line 17");
        assertThat(error.get("code").asString()).isEqualTo("bad-mark");
        assertThat(error.get("messageZh").asString()).contains("第 17 行");
        Document untouched = database.getCollection(Sessions.COLLECTION).find(new Document("_id", id)).first();
        assertThat(before).isEqualTo(1);
        assertThat(untouched.getInteger("version")).isZero();
        assertThat(untouched.getString("status")).isEqualTo("PLANNED");
        assertThat(untouched.getList("attendance", Document.class)).isEmpty();

        // several faults at once: each line named
        String many = "\uFEFFteacherId,mark,attendedMinutes\n" + bulkId(1) + ",PRESENT,90\n" + bulkId(1)
                + ",PRESENT,90\nt-nobody,PRESENT,90\nt-x,PRESENT,90\n" + bulkId(2) + ",PRESENT,900\n" + bulkId(3)
                + ",ABSENT,30\n" + bulkId(4) + ",PRESENT,abc\n" + bulkId(5) + ",PRESENT\n";
        Http.Reply report = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv", many);
        assertThat(report.status()).isEqualTo(400);
        assertThat(report.json().get("errors").findValuesAsString("field"))
                .containsExactly("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(report.json().get("errors").findValuesAsString("code")).containsExactly("duplicate-teacher",
                "teacher-unknown", "teacher-not-in-school", "minutes-out-of-range", "minutes-out-of-range",
                "bad-minutes", "wrong-columns");

        Http.Reply accepted = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv",
                good.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("HELD");
        assertThat(accepted.json().get("attendance")).hasSize(BULK + 1);
        assertThat(record(accepted.json(), bulkId(10)).get("mark").asString()).isEqualTo("ABSENT");
        assertThat(record(accepted.json(), bulkId(11)).get("attendedMinutes").asInt()).isEqualTo(90);
        ConsumerRecord<String, CloudEvent> held = activityTopic.await(of(EventTypes.ACTIVITY_HELD.name(), id));
        assertThat(data(held)).contains("\"participants\":500", "\"absent\":50", "\"attendanceSource\":\"UPLOAD\"");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                activityTopic.all(of(EventTypes.ATTENDANCE_RECORDED.name(), id)).size() == BULK + 1);
        ConsumerRecord<String, CloudEvent> one = activityTopic.all(of(EventTypes.ATTENDANCE_RECORDED.name(), id)).stream()
                .filter(r -> bulkId(11).equals(r.key())).findFirst().orElseThrow();
        schemaValid(one);
        assertThat(data(one)).contains("\"source\":\"UPLOAD\"");

        Http.Reply again = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv",
                good.toString());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aJsonAttendanceFileIsAcceptedAndTeachersMayNotUploadForOthers() {
        JsonNode session = created(session(List.of("t-p1", "t-p2", "t-p3")));
        String id = session.get("id").asString();
        clock.moveTo(start(session).plusMinutes(91));
        List<Map<String, Object>> file = List.of(Map.of("teacherId", "t-p1", "mark", "PRESENT", "attendedMinutes", 90),
                Map.of("teacherId", "t-p2", "mark", "late", "attendedMinutes", 70));
        assertThat(http.post("/api/activities/sessions/" + id + "/attendance", teacherToken("t-p1"), file).status())
                .isEqualTo(403);
        Http.Reply reply = http.post("/api/activities/sessions/" + id + "/attendance", school, file);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(record(reply.json(), "t-p2").get("mark").asString()).isEqualTo("LATE");
        assertThat(record(reply.json(), "t-p3").get("mark").asString()).isEqualTo("ABSENT");
        assertThat(record(reply.json(), HOST).get("attendedMinutes").asInt()).isEqualTo(90);

        Http.Reply xml = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "application/xml", "<x/>");
        assertThat(xml.status()).isEqualTo(415);
    }

    @Test
    void participantsOfAnotherSchoolNeedATownshipOrCountyLevelSession() {
        Http.Reply schoolLevel = http.post("/api/activities/sessions", school, session(List.of("t-p1", "t-x")));
        assertThat(schoolLevel.status()).isEqualTo(422);
        assertThat(schoolLevel.json().get("code").asString()).isEqualTo("participant-not-in-school");
        assertThat(schoolLevel.json().get("errors").get(0).get("field").asString()).isEqualTo("participantIds[1]");

        Map<String, Object> township = session(List.of("t-p1", "t-x"));
        township.put("level", "TOWNSHIP");
        assertThat(created(township).get("participants")).hasSize(2);

        Map<String, Object> backwards = session(List.of("t-p1"));
        backwards.put("plannedEnd", backwards.get("plannedStart"));
        assertThat(http.post("/api/activities/sessions", school, backwards).status()).isEqualTo(400);
        assertThat(http.post("/api/activities/sessions", otherSchool, session(List.of("t-p1"))).status())
                .isEqualTo(422);
        assertThat(http.post("/api/activities/sessions", teacherToken("t-p1"), session(List.of("t-p2"))).status())
                .isEqualTo(403);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesAndPublishesOneSession() {
        Map<String, String> key = Map.of("Idempotency-Key", "ses-retry-" + System.nanoTime());
        Map<String, Object> body = session(List.of("t-p1", "t-p2"));
        Http.Reply first = http.post("/api/activities/sessions", school, body, key);
        Http.Reply again = http.post("/api/activities/sessions", school, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), id));
        assertThat(activityTopic.all(of(EventTypes.ACTIVITY_SCHEDULED.name(), id))).hasSize(1);

        Map<String, Object> other = session(List.of("t-p1"));
        assertThat(http.post("/api/activities/sessions", school, other, key).status()).isEqualTo(409);
    }

    @Test
    void weeklyPdTimePlansEachSlotAndDateOnce() {
        Map<String, Object> slot = new HashMap<>();
        slot.put("subjectGroupId", GROUP);
        slot.put("dayOfWeek", "WEDNESDAY");
        slot.put("start", "15:30");
        slot.put("durationMinutes", 90);
        slot.put("place", "数学组办公室");
        slot.put("hostId", HOST);
        Http.Reply added = http.post("/api/activities/schools/" + SCHOOL + "/weekly-slots", school, slot);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(http.post("/api/activities/schools/" + SCHOOL + "/weekly-slots", otherSchool, slot).status())
                .isEqualTo(403);

        LocalDate from = clock.today().plusDays(1);
        String range = "?from=" + from + "&to=" + from.plusDays(20);
        Http.Reply plan = http.post("/api/activities/schools/" + SCHOOL + "/sessions/plan" + range, school, Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("created")).hasSize(3);
        Http.Reply replan = http.post("/api/activities/schools/" + SCHOOL + "/sessions/plan" + range, school, Map.of());
        assertThat(replan.json().get("created")).isEmpty();
        assertThat(replan.json().get("existing")).hasSize(3);

        String id = plan.json().get("created").get(0).asString();
        JsonNode planned = http.get("/api/activities/sessions/" + id, school).json();
        assertThat(planned.get("plannedStart").asString()).contains("T15:30").endsWith("+08:00");
        assertThat(planned.get("participants")).hasSize(5);
        assertThat(planned.get("form").asString()).isEqualTo("COLLECTIVE_PREPARATION");
        ConsumerRecord<String, CloudEvent> scheduled = activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), id));
        schemaValid(scheduled);

        Http.Reply list = http.get("/api/activities/sessions?groupId=" + GROUP + "&status=PLANNED&size=200", school);
        assertThat(list.json().get("items").findValuesAsString("id")).contains(id);
        // another school sees only the cross-school sessions its own teachers take part in
        assertThat(http.get("/api/activities/sessions?schoolId=" + SCHOOL + "&size=200", otherSchool).json()
                .get("items").valueStream().allMatch(s -> s.get("participantSchoolIds").valueStream()
                        .anyMatch(x -> x.asString().equals(OTHER_SCHOOL)))).isTrue();
    }

    byte[] getBytes(String path, String token, String accept) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
