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
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attendance files as quoted CSV and XLSX, and the wrong-code attempt limit on check-in / check-out. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceUploadAndCodeLimitApiTest {

    static final String DISTRICT = "dst-u", TOWNSHIP = "tsp-u", SCHOOL = "sch-ua";
    static final String GROUP = "g-ua-en", BULK_GROUP = "g-ua-bulk", HOST = "t-uhost";
    static final int BULK = 500;

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

    static String teacherToken(String teacherId) {
        return TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, teacherId);
    }

    static String bulkId(int i) {
        return String.format("t-ub%03d", i);
    }

    @BeforeAll
    void directory() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城南中学", "初中", now));
            events.publish(new SubjectGroupRegistered(GROUP, DISTRICT, TOWNSHIP, SCHOOL, "英语教研组", "英语", now));
            events.publish(new TeacherRegistered(HOST, DISTRICT, TOWNSHIP, SCHOOL, "周红", "女", "英语", GROUP, "一级教师", 1979, now));
            String[] names = {"李强", "张敏", "刘洋", "陈静"};
            for (int i = 1; i <= 4; i++) {
                events.publish(new TeacherRegistered("t-u" + i, DISTRICT, TOWNSHIP, SCHOOL, names[i - 1], "男", "英语",
                        GROUP, "二级教师", 1990 + i, now));
            }
            for (int i = 0; i < BULK; i++) {
                events.publish(new TeacherRegistered(bulkId(i), DISTRICT, TOWNSHIP, SCHOOL, "教师" + i, "女", "语文",
                        BULK_GROUP, "二级教师", 1985, now));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacherCount(SCHOOL) == 5 + BULK);
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> session(String group, List<String> participants) {
        OffsetDateTime start = clock.now().truncatedTo(ChronoUnit.HOURS).plusHours(2);
        Map<String, Object> body = new HashMap<>();
        body.put("form", "THEMED_RESEARCH");
        body.put("speakerId", HOST);
        body.put("topic", "阅读课的提问设计");
        body.put("level", "SCHOOL");
        body.put("hostId", HOST);
        body.put("subjectGroupId", group);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plusMinutes(90).toString());
        body.put("place", "英语组办公室");
        body.put("participantIds", participants);
        return body;
    }

    JsonNode created(Map<String, Object> body) {
        Http.Reply reply = http.post("/api/activities/sessions", school, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    Document stored(String id) {
        return database.getCollection(Sessions.COLLECTION).find(new Document("_id", id)).first();
    }

    /** The session exactly as created: version 0, PLANNED, no attendance, only its ActivityScheduled in the outbox. */
    void untouched(String id) {
        Document doc = stored(id);
        assertThat(doc.getInteger("version")).isZero();
        assertThat(doc.getString("status")).isEqualTo("PLANNED");
        assertThat(doc.getList("attendance", Document.class)).isEmpty();
        assertThat(doc.getList("outbox", Document.class, List.of()).toString()).doesNotContain("session.held");
    }

    Http.Reply upload(String id, String contentType, byte[] body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/activities/sessions/" + id + "/attendance"))
                    .header("Authorization", "Bearer " + school).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An XLSX written by fastexcel: row 1 = header, then the rows; numbers stay numeric cells. */
    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "xiaoben-test", "1.0");
            Worksheet sheet = workbook.newWorksheet("考勤");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            Worksheet second = workbook.newWorksheet("备注");
            second.value(0, 0, "only the first sheet is read");
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode record(JsonNode session, String teacherId) {
        return SessionAttendanceApiTest.record(session, teacherId);
    }

    @Test
    void aQuotedCsvWithACommaInTheNameColumnABomAndCrlfIsRead() {
        JsonNode session = created(session(GROUP, List.of("t-u1", "t-u2", "t-u3")));
        String id = session.get("id").asString();
        clock.moveTo(SessionAttendanceApiTest.start(session).plusMinutes(95));

        // a bad header and an unclosed quote: 400, line named, nothing written
        Http.Reply noMark = upload(id, "text/csv", "teacherId,name,minutes\r\nt-u1,x,90\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noMark.status()).isEqualTo(400);
        assertThat(noMark.json().get("errors").get(0).get("field").asString()).isEqualTo("line 1");
        assertThat(noMark.json().get("errors").get(0).get("code").asString()).isEqualTo("bad-header");
        assertThat(noMark.json().get("errors").get(0).get("message").asString()).contains("mark", "attendedMinutes");
        Http.Reply unclosed = upload(id, "text/csv",
                "teacherId,mark,attendedMinutes,name\r\nt-u1,PRESENT,90,ok\r\nt-u2,PRESENT,90,\"李, 强\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.json().get("code").asString()).isEqualTo("invalid-attendance-file");
        assertThat(unclosed.json().get("errors").get(0).get("field").asString()).isEqualTo("line 3");
        assertThat(unclosed.json().get("errors").get(0).get("code").asString()).isEqualTo("malformed-csv");
        untouched(id);

        String csv = "\uFEFFteacherId,name,mark,attendedMinutes,remark\r\n"
                + "t-u1,\"Li, \"\"Qiang\"\"\",PRESENT,90,\"on time, stayed\"\r\n"
                + "t-u2,\"张敏\",late,75,\"堵车\r\n来晚了\"\r\n"
                + "\"t-u3\",\"刘, 洋\",EXCUSED,0,\r\n"
                + "\r\n\r\n";
        Http.Reply accepted = upload(id, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("HELD");
        assertThat(record(accepted.json(), "t-u1").get("attendedMinutes").asInt()).isEqualTo(90);
        assertThat(record(accepted.json(), "t-u2").get("mark").asString()).isEqualTo("LATE");
        assertThat(record(accepted.json(), "t-u2").get("attendedMinutes").asInt()).isEqualTo(75);
        assertThat(record(accepted.json(), "t-u3").get("mark").asString()).isEqualTo("EXCUSED");
        // the records keep the line each came from (t-u3's record starts on line 5: t-u2's remark spans two lines)
        Document doc = stored(id);
        Map<String, Integer> lines = new HashMap<>();
        doc.getList("attendance", Document.class).forEach(r -> lines.put(r.getString("teacherId"), r.getInteger("line")));
        assertThat(lines).containsEntry("t-u1", 2).containsEntry("t-u2", 3).containsEntry("t-u3", 5);
    }

    @Test
    void aFiveHundredRowWorkbookWithOneBadRowIsRejectedWholeAndAGoodOneHoldsTheSession() {
        List<String> everyone = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            everyone.add(bulkId(i));
        }
        JsonNode session = created(session(BULK_GROUP, everyone));
        String id = session.get("id").asString();
        clock.moveTo(SessionAttendanceApiTest.start(session).plusMinutes(100));

        List<List<Object>> good = new ArrayList<>();
        good.add(List.of("teacherId", "name", "mark", "attendedMinutes"));
        for (int i = 0; i < BULK; i++) {
            good.add(i % 10 == 0 ? List.of(bulkId(i), "教师" + i, "ABSENT", 0)
                    : List.of(bulkId(i), "教师" + i, "PRESENT", i % 10 == 1 ? 60 : 90));
        }
        List<List<Object>> bad = new ArrayList<>(good);
        bad.set(16, List.of(bulkId(15), "教师15", "HERE", 90)); // sheet row 17 (the header is row 1)

        Http.Reply rejected = upload(id, AttendanceWorkbook.MEDIA_TYPE, xlsx(bad));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.isProblem()).isTrue();
        assertThat(rejected.json().get("code").asString()).isEqualTo("invalid-attendance-file");
        assertThat(rejected.json().get("errors")).hasSize(1);
        JsonNode error = rejected.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("line 17");
        assertThat(error.get("code").asString()).isEqualTo("bad-mark");
        assertThat(error.get("messageZh").asString()).contains("第 17 行");
        untouched(id);

        Http.Reply accepted = upload(id, AttendanceWorkbook.MEDIA_TYPE, xlsx(good));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("HELD");
        assertThat(accepted.json().get("attendance")).hasSize(BULK + 1);
        assertThat(record(accepted.json(), bulkId(10)).get("mark").asString()).isEqualTo("ABSENT");
        assertThat(record(accepted.json(), bulkId(11)).get("attendedMinutes").asInt()).isEqualTo(60);
        assertThat(record(accepted.json(), bulkId(12)).get("attendedMinutes").asInt()).isEqualTo(90);
        assertThat(record(accepted.json(), HOST).get("attendedMinutes").asInt()).isEqualTo(90);
        ConsumerRecord<String, CloudEvent> held = activityTopic.await(
                SessionAttendanceApiTest.of(EventTypes.ACTIVITY_HELD.name(), id));
        SessionAttendanceApiTest.schemaValid(held);
        // 450 present: 50 × 60 + 400 × 90 minutes
        assertThat(SessionAttendanceApiTest.data(held)).contains("\"participants\":500", "\"absent\":50",
                "\"totalAttendedMinutes\":39000", "\"attendanceSource\":\"UPLOAD\"");
        assertThat(activityTopic.all(SessionAttendanceApiTest.of(EventTypes.ACTIVITY_HELD.name(), id))).hasSize(1);
    }

    @Test
    void aBodyThatIsNotWhatItClaimsOrTooLongIsRefusedAndNothingIsWritten() throws IOException {
        JsonNode session = created(session(GROUP, List.of("t-u1")));
        String id = session.get("id").asString();
        clock.moveTo(SessionAttendanceApiTest.start(session).plusMinutes(95));

        Http.Reply csvAsXlsx = upload(id, AttendanceWorkbook.MEDIA_TYPE,
                "teacherId,mark,attendedMinutes\nt-u1,PRESENT,90\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csvAsXlsx.status()).isEqualTo(400);
        assertThat(csvAsXlsx.json().get("code").asString()).isEqualTo("invalid-attendance-file");
        assertThat(csvAsXlsx.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(csvAsXlsx.json().get("errors").get(0).get("code").asString()).isEqualTo("not-a-workbook");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Http.Reply plainZip = upload(id, AttendanceWorkbook.MEDIA_TYPE, zip.toByteArray());
        assertThat(plainZip.status()).isEqualTo(400);
        assertThat(plainZip.json().get("errors").get(0).get("code").asString()).isEqualTo("not-a-workbook");

        StringBuilder tooLong = new StringBuilder("teacherId,mark,attendedMinutes\n");
        for (int i = 0; i <= AttendanceFile.MAX_LINES; i++) {
            tooLong.append("t-u1,PRESENT,90\n");
        }
        Http.Reply refused = upload(id, "text/csv", tooLong.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).hasSize(1);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("too-many-lines");

        Http.Reply xls = upload(id, "application/vnd.ms-excel", new byte[]{1, 2, 3});
        assertThat(xls.status()).isEqualTo(415);
        untouched(id);
    }

    @Test
    void fiveWrongCodesLockTheTeacherOutUntilTheHostIssuesAFreshCode() {
        JsonNode session = created(session(GROUP, List.of("t-u1", "t-u2", "t-u4")));
        String id = session.get("id").asString();
        clock.moveTo(SessionAttendanceApiTest.start(session).minusMinutes(1));
        Http.Reply opened = http.post("/api/activities/sessions/" + id + "/open", teacherToken(HOST), Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String code = opened.json().get("code").asString();
        String wrongCode = code.equals("000000") ? "000001" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            Http.Reply wrong = checkIn(id, "t-u1", wrongCode);
            assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(422);
            assertThat(wrong.json().get("code").asString()).isEqualTo("invalid-code");
        }
        // the count is in the session document (survives a restart, shared by instances)
        Document failures = stored(id).get(CodeAttempts.FIELD, Document.class);
        assertThat(failures.getList("CHECK_IN", Document.class)).singleElement()
                .satisfies(f -> assertThat(f.getInteger("count")).isEqualTo(5))
                .satisfies(f -> assertThat(f.getString("teacherId")).isEqualTo("t-u1"));

        Http.Reply locked = checkIn(id, "t-u1", code); // even the right code
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.isProblem()).isTrue();
        assertThat(locked.json().get("code").asString()).isEqualTo("too-many-code-attempts");
        assertThat(locked.json().get("detailZh").asString()).contains("5");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(checkIn(id, "t-u1", wrongCode).status()).isEqualTo(429);

        // another teacher is not affected
        Http.Reply other = checkIn(id, "t-u2", code);
        assertThat(other.status()).as(other.body()).isEqualTo(200);

        // a fresh code from the host lifts the limit
        String fresh = http.post("/api/activities/sessions/" + id + "/codes", teacherToken(HOST),
                Map.of("purpose", "CHECK_IN")).json().get("code").asString();
        Http.Reply afterFresh = checkIn(id, "t-u1", fresh);
        assertThat(afterFresh.status()).as(afterFresh.body()).isEqualTo(200);
        assertThat(afterFresh.json().get("mark").asString()).isEqualTo("PRESENT");

        // the window passing lifts it too (check-out codes counted on their own)
        clock.moveTo(SessionAttendanceApiTest.start(session).plusMinutes(80));
        String out = http.post("/api/activities/sessions/" + id + "/codes", teacherToken(HOST),
                Map.of("purpose", "CHECK_OUT")).json().get("code").asString();
        String wrongOut = out.equals("000000") ? "000001" : "000000";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(checkOut(id, "t-u2", wrongOut).status()).isEqualTo(422);
        }
        assertThat(checkOut(id, "t-u2", out).status()).isEqualTo(429);
        assertThat(checkOut(id, "t-u1", out).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        Http.Reply expired = checkOut(id, "t-u2", out);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.json().get("code").asString()).isEqualTo("expired-code");
        String later = http.post("/api/activities/sessions/" + id + "/codes", teacherToken(HOST),
                Map.of("purpose", "CHECK_OUT")).json().get("code").asString();
        Http.Reply outOk = checkOut(id, "t-u2", later);
        assertThat(outOk.status()).as(outOk.body()).isEqualTo(200);
        assertThat(stored(id).get(CodeAttempts.FIELD, Document.class).getList("CHECK_OUT", Document.class)).isEmpty();
    }

    Http.Reply checkIn(String id, String teacherId, String code) {
        return http.post("/api/activities/sessions/" + id + "/check-in", teacherToken(teacherId), Map.of("code", code));
    }

    Http.Reply checkOut(String id, String teacherId, String code) {
        return http.post("/api/activities/sessions/" + id + "/check-out", teacherToken(teacherId), Map.of("code", code));
    }
}
