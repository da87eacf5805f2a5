package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolTerm;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The subject group's 出勤表 per term: held sessions × the group's teachers, totals, and the group's duties. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupAttendanceSheetApiTest {

    static final String DISTRICT = "dst-g", TOWNSHIP = "tsp-g", SCHOOL = "sch-ga", OTHER_SCHOOL = "sch-gb";
    static final String GROUP = "g-ga-phy", OTHER_GROUP = "g-ga-chem", HOST = "t-ghost";

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    TestClock clock;

    Http http;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    String term;
    String themedA, themedB, preparation;

    @BeforeAll
    void sessions() {
        http = Http.local(port);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城北中学", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城西中学", "初中", now));
            events.publish(new SubjectGroupRegistered(GROUP, DISTRICT, TOWNSHIP, SCHOOL, "物理教研组", "物理", now));
            events.publish(new SubjectGroupRegistered(OTHER_GROUP, DISTRICT, TOWNSHIP, SCHOOL, "化学教研组", "化学", now));
            events.publish(new TeacherRegistered(HOST, DISTRICT, TOWNSHIP, SCHOOL, "孙伟", "男", "物理", GROUP, "高级教师", 1975, now));
            String[] names = {"李强", "张敏", "刘洋", "陈静"};
            for (int i = 1; i <= 4; i++) {
                events.publish(new TeacherRegistered("t-g" + i, DISTRICT, TOWNSHIP, SCHOOL, names[i - 1], "女", "物理",
                        GROUP, "二级教师", 1990 + i, now));
            }
            events.publish(new TeacherRegistered("t-gc", DISTRICT, TOWNSHIP, SCHOOL, "吴芳", "女", "化学", OTHER_GROUP,
                    "二级教师", 1992, now));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacherCount(SCHOOL) == 6
                && directory.collection(DirectoryReplica.GROUPS).countDocuments(new org.bson.Document("_id", GROUP)) == 1);

        // holding the sessions below moves the clock less than a day (each is held 95 minutes after it starts, at
        // most 3h35 after it was planned): start them where one term holds them all, so "their" term is also the
        // current one when the tests ask for the sheet without ?term (at a term's last hours: the next term's start)
        SchoolTerm starting = SchoolTerm.of(clock.today());
        if (!starting.contains(clock.now().plusDays(1).toLocalDate())) {
            clock.moveTo(starting.endExclusive().atStartOfDay(PlatformTime.ZONE).toOffsetDateTime());
        }
        themedA = held("THEMED_RESEARCH", GROUP, "浮力, 实验", List.of("t-g1", "t-g2", "t-g3"),
                "teacherId,mark,attendedMinutes\nt-g1,PRESENT,90\nt-g2,LATE,70\nt-g3,ABSENT,0\n");
        themedB = held("THEMED_RESEARCH", GROUP, "电路设计", List.of("t-g1", "t-g2", "t-g3"),
                "teacherId,mark,attendedMinutes\nt-g1,PRESENT,80\nt-g2,EXCUSED,0\nt-g3,PRESENT,90\n");
        preparation = held("COLLECTIVE_PREPARATION", GROUP, "第三单元备课", List.of("t-g1"),
                "teacherId,mark,attendedMinutes\nt-g1,LATE,60\n");
        held("THEMED_RESEARCH", OTHER_GROUP, "化学平衡", List.of("t-gc"), "teacherId,mark,attendedMinutes\nt-gc,PRESENT,90\n");
        created("THEMED_RESEARCH", GROUP, "还没举行", List.of("t-g1")); // planned, not held: not on the sheet
    }

    JsonNode created(String form, String group, String topic, List<String> participants) {
        OffsetDateTime start = clock.now().truncatedTo(ChronoUnit.HOURS).plusHours(2);
        Map<String, Object> body = new HashMap<>();
        body.put("form", form);
        body.put("topic", topic);
        body.put("level", "SCHOOL");
        body.put("hostId", HOST);
        body.put("subjectGroupId", group);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plusMinutes(90).toString());
        body.put("place", "物理实验室");
        body.put("participantIds", participants);
        if (form.equals("THEMED_RESEARCH")) {
            body.put("speakerId", HOST);
        } else if (form.equals("COLLECTIVE_PREPARATION")) {
            body.put("mainPreparerId", HOST);
            body.put("lessonContent", Map.of("subject", "物理", "grade", "八年级", "title", topic));
        }
        Http.Reply reply = http.post("/api/activities/sessions", school, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    String held(String form, String group, String topic, List<String> participants, String csv) {
        JsonNode session = created(form, group, topic, participants);
        String id = session.get("id").asString();
        OffsetDateTime start = SessionAttendanceApiTest.start(session);
        clock.moveTo(start.plusMinutes(95));
        Http.Reply reply = http.postRaw("/api/activities/sessions/" + id + "/attendance", school, "text/csv", csv);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String sessionTerm = SchoolTerm.of(start.toLocalDate()).name();
        assertThat(term == null || term.equals(sessionTerm)).as("all sessions in one term").isTrue();
        term = sessionTerm;
        return id;
    }

    JsonNode teacher(JsonNode sheet, String teacherId) {
        return sheet.get("teachers").valueStream().filter(t -> t.get("teacherId").asString().equals(teacherId))
                .findFirst().orElseThrow();
    }

    @Test
    void theJsonSheetHasTheGroupsHeldSessionsItsTeachersTotalsAndDuties() {
        Http.Reply reply = http.get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?term=" + term,
                school);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode sheet = reply.json();
        assertThat(sheet.get("term").asString()).isEqualTo(term);
        assertThat(sheet.get("groupName").asString()).isEqualTo("物理教研组");
        assertThat(sheet.get("sessions").findValuesAsString("sessionId")).containsExactly(themedA, themedB, preparation);
        assertThat(sheet.get("sessions").get(2).get("form").asString()).isEqualTo("COLLECTIVE_PREPARATION");
        assertThat(sheet.get("sessions").get(0).get("hostName").asString()).isEqualTo("孙伟");
        assertThat(sheet.get("teachers").findValuesAsString("teacherId"))
                .containsExactly("t-g1", "t-g2", "t-g3", "t-g4", HOST);

        JsonNode g1 = teacher(sheet, "t-g1");
        assertThat(g1.get("cells").get(0).get("mark").asString()).isEqualTo("PRESENT");
        assertThat(g1.get("cells").get(2).get("attendedMinutes").asInt()).isEqualTo(60);
        assertThat(g1.get("totals").get("attended").asInt()).isEqualTo(3);
        assertThat(g1.get("totals").get("late").asInt()).isEqualTo(1);
        assertThat(g1.get("totals").get("minutes").asInt()).isEqualTo(230);
        JsonNode g2 = teacher(sheet, "t-g2");
        assertThat(g2.get("cells").get(2).isNull()).isTrue(); // not on the preparation session
        assertThat(g2.get("totals").get("attended").asInt()).isEqualTo(1);
        assertThat(g2.get("totals").get("excused").asInt()).isEqualTo(1);
        assertThat(g2.get("totals").get("minutes").asInt()).isEqualTo(70);
        JsonNode g3 = teacher(sheet, "t-g3");
        assertThat(g3.get("totals").get("absent").asInt()).isEqualTo(1);
        assertThat(g3.get("totals").get("minutes").asInt()).isEqualTo(90);
        JsonNode host = teacher(sheet, HOST);
        assertThat(host.get("cells").get(0).get("role").asString()).isEqualTo("HOST");
        assertThat(host.get("totals").get("hosted").asInt()).isEqualTo(3);
        assertThat(host.get("totals").get("minutes").asInt()).isEqualTo(270);
        JsonNode g4 = teacher(sheet, "t-g4");
        assertThat(g4.get("totals").get("onList").asInt()).isZero();

        assertThat(sheet.get("duties").get("themedSessions").get("held").asInt()).isEqualTo(2);
        assertThat(sheet.get("duties").get("themedSessions").get("required").asInt()).isEqualTo(6);
        assertThat(sheet.get("duties").get("themedSessions").get("met").asBoolean()).isFalse();
        assertThat(sheet.get("duties").get("groupMeetings").get("held").asInt()).isEqualTo(3);
        assertThat(sheet.get("duties").get("groupMeetings").get("met").asBoolean()).isTrue();

        // without ?term the current term (the sessions are in it), and a township reaches the school too
        Http.Reply current = http.get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet",
                TestTokens.township(DISTRICT, TOWNSHIP));
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().get("term").asString()).isEqualTo(SchoolTerm.current(clock).name())
                .isEqualTo(term);
        // another term: no sessions, the duties unmet
        SchoolTerm earlier = SchoolTerm.tryParse(term).orElseThrow();
        String previous = earlier.number() == 2 ? earlier.year().name() + "-1"
                : SchoolTerm.of(earlier.firstDay().minusDays(1)).name();
        JsonNode empty = http.get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?term=" + previous,
                school).json();
        assertThat(empty.get("sessions")).isEmpty();
        assertThat(empty.get("duties").get("groupMeetings").get("met").asBoolean()).isFalse();
    }

    @Test
    void theCsvHasABomTheHeaderAndOneRowPerTeacher() throws IOException {
        byte[] csv = get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?term=" + term, school,
                "text/csv", "text/csv");
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("教研组 group,物理教研组,学期 term," + term);
        assertThat(lines[1]).isEqualTo("主题教研 themed sessions,2/6,教研组会议 group meetings,3/3");
        assertThat(lines[2]).startsWith("教师编号 teacherId,姓名 name,")
                .contains(" 主题教研 浮力, 实验（孙伟）\",", "电路设计（孙伟）", "集体备课 第三单元备课")
                .endsWith("出勤次数 attended,迟到 late,缺勤 absent,请假 excused,主持 hosted,出勤分钟 minutes");
        assertThat(lines).contains("t-g1,李强,PRESENT 90,PRESENT 80,LATE 60,3,1,0,0,0,230",
                "t-g2,张敏,LATE 70,EXCUSED 0,,1,1,0,1,0,70", "t-ghost,孙伟,HOST 90,HOST 90,HOST 90,3,0,0,0,3,270",
                "t-g4,陈静,,,,0,0,0,0,0,0");
        assertThat(lines).hasSize(3 + 5);
        byte[] link = get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?format=csv&term=" + term,
                school, "*/*", "text/csv");
        assertThat(link).isEqualTo(csv);

        byte[] xlsx = get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?format=xlsx&term=" + term,
                school, "*/*", AttendanceWorkbook.MEDIA_TYPE);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row g1 = rows.stream().filter(r -> "t-g1".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(g1.getCellText(1)).isEqualTo("李强");
            assertThat(g1.getCellText(4)).isEqualTo("LATE 60");
            assertThat(g1.getCellAsNumber(10)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(230));
        }
    }

    @Test
    void anotherSchoolIsRefusedABadTermIsAFieldErrorAndAnUnknownGroupIsNotFound() {
        String path = "/api/activities/subject-groups/" + GROUP + "/attendance-sheet?term=" + term;
        Http.Reply foreign = http.get(path, otherSchool);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(http.get(path, TestTokens.township(DISTRICT, "tsp-elsewhere")).status()).isEqualTo(403);

        for (String bad : List.of("2026-2027-3", "2026-2028-1", "autumn")) {
            Http.Reply badTerm = http.get("/api/activities/subject-groups/" + GROUP + "/attendance-sheet?term=" + bad,
                    school);
            assertThat(badTerm.status()).as(bad).isEqualTo(400);
            assertThat(badTerm.json().get("errors").get(0).get("field").asString()).isEqualTo("term");
            assertThat(badTerm.json().get("errors").get(0).get("code").asString()).isEqualTo("invalid-term");
        }
        Http.Reply badFormat = http.get(path + "&format=pdf", school);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("errors").get(0).get("field").asString()).isEqualTo("format");

        Http.Reply unknown = http.get("/api/activities/subject-groups/g-nowhere/attendance-sheet", school);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("not-found");
    }

    byte[] get(String path, String token, String accept, String expectedType) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(expectedType);
            assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
