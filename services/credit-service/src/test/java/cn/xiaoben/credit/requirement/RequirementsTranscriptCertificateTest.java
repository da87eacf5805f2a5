package cn.xiaoben.credit.requirement;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.contracts.activity.ReadingNoteSubmitted;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import cn.xiaoben.testsupport.TopicRecorder;
import com.mongodb.client.MongoDatabase;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requirements, at-risk lists, RequirementMet, transcripts and certificates from a ledger built by activity events
 * (default rule set: 24 学时 a year with 12 required, 360 per 2024–2029 cycle, 30 class-teacher hours per cycle).
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequirementsTranscriptCertificateTest {

    static final String DISTRICT = "dst-rq", TOWNSHIP = "tsp-rq", SCHOOL = "sch-rq", OTHER_SCHOOL = "sch-rq2",
            OTHER_TOWNSHIP = "tsp-rq-x", FAR_SCHOOL = "sch-rq3";
    static final List<String> TEACHERS = List.of("rq-met", "rq-slow", "rq-past", "rq-heal", "rq-class", "rq-cert", "rq-trans");
    static final List<String> OTHER_TEACHERS = List.of("rq-star", "rq-idle", "rq-idle2");
    static final SchoolYear THIS_YEAR = SchoolYear.current(new TestClock());
    static final String DAY = THIS_YEAR.firstDay().toString();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

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
    TestEvents events;
    TopicRecorder creditTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    final String farSchool = TestTokens.schoolSystem(DISTRICT, OTHER_TOWNSHIP, FAR_SCHOOL);

    @BeforeAll
    void directory() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        creditTopic = new TopicRecorder(brokers, Topics.CREDIT);
        Instant now = clock.instant();
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "云溪三中", "初中", now));
        events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "云溪四中", "初中", now));
        events.publish(new SchoolRegistered(FAR_SCHOOL, DISTRICT, OTHER_TOWNSHIP, "远山小学", "小学", now));
        for (String t : TEACHERS) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "王老师" + t, "女", "数学", "g-1",
                    "一级教师", 1985, now));
        }
        for (String t : OTHER_TEACHERS) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, OTHER_SCHOOL, "李老师" + t, "男", "语文", "g-2",
                    "二级教师", 1990, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TEACHERS.stream().allMatch(t -> directory.teacher(t)
                .isPresent()) && OTHER_TEACHERS.stream().allMatch(t -> directory.teacher(t).isPresent())
                && directory.school(FAR_SCHOOL).isPresent());
    }

    @AfterAll
    void close() {
        events.close();
        creditTopic.close();
    }

    // ---- events and reading ----

    /** A school PD session hosted by the teacher: 2 学时 per 45 attended minutes, required content (session). */
    static AttendanceRecorded hosted(String teacher, String school, String day, int minutes) {
        return new AttendanceRecorded("ses-" + UUID.randomUUID(), teacher, DISTRICT, TOWNSHIP, school,
                "THEMED_RESEARCH", "SCHOOL", LocalDate.parse(day), teacher, "HOST", "PRESENT", minutes, null, null,
                "UPLOAD", TestClock.start());
    }

    /** A county first-prize paper: 6 学时 of research (not required content). */
    static PaperRecorded paper(String teacher, String day) {
        return new PaperRecorded("pap-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, teacher, List.of(teacher),
                "大单元教学的实践研究", "PAPER", "AWARD", "县论文评比", "COUNTY", "FIRST", LocalDate.parse(day), List.of(),
                TestClock.start());
    }

    static ReadingNoteSubmitted note(String teacher, String day) {
        return new ReadingNoteSubmitted("rdn-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, teacher, "READING_NOTE",
                "读书笔记", "给教师的建议", "苏霍姆林斯基", "第1–20条", 1200, LocalDate.parse(day), List.of(), TestClock.start());
    }

    void publishAndAwait(String teacher, DomainEvent... facts) {
        long before = entries(teacher);
        for (DomainEvent e : facts) {
            events.publish(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(teacher) >= before + facts.length);
    }

    long entries(String teacher) {
        return database.getCollection("ledger_entries").countDocuments(new Document("teacherId", teacher));
    }

    JsonNode requirements(String teacher, String year, String token) {
        Http.Reply reply = http.get("/api/credits/teachers/" + teacher + "/requirements?year=" + year, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static JsonNode requirement(JsonNode view, String id) {
        return StreamSupport.stream(view.get("requirements").spliterator(), false)
                .filter(r -> r.get("requirementId").asString().equals(id)).findFirst().orElseThrow();
    }

    static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asString()).toList();
    }

    record Raw(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Raw send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(),
                    r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Raw get(String path, String token, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    Http.Reply putGroups(String teacher, String token, String json) {
        Raw raw = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/credits/teachers/"
                        + teacher + "/groups")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        return new Http.Reply(raw.status(), raw.contentType(), raw.headers(), raw.text());
    }

    static String teacherToken(String teacher) {
        return TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, teacher);
    }

    // ---- requirements ----

    @Test
    void aTeacherWithEnoughHoursAndRequiredContentMeetsTheYearAndRequirementMetIsEmittedOnce() {
        publishAndAwait("rq-met", hosted("rq-met", SCHOOL, DAY, 450)); // 20 学时 required content
        JsonNode before = requirement(requirements("rq-met", THIS_YEAR.name(), teacherToken("rq-met")), "yearly");
        assertThat(before.get("status").asString()).isNotEqualTo("MET");
        assertThat(database.getCollection("requirements_met").countDocuments(new Document("teacherId", "rq-met")))
                .isZero();

        PaperRecorded paper = paper("rq-met", DAY);
        publishAndAwait("rq-met", paper); // + 6 = 26
        JsonNode view = requirements("rq-met", THIS_YEAR.name(), teacherToken("rq-met"));
        assertThat(view.get("ruleSet").get("id").asString()).isEqualTo("default");
        assertThat(view.get("newTeacher").asBoolean()).isFalse();
        assertThat(ids(view.get("requirements"), "requirementId")).containsExactly("yearly", "cycle");
        JsonNode yearly = requirement(view, "yearly");
        assertThat(yearly.get("status").asString()).isEqualTo("MET");
        assertThat(yearly.get("period").asString()).isEqualTo(THIS_YEAR.name());
        assertThat(yearly.get("requiredHours").decimalValue()).isEqualByComparingTo("24");
        assertThat(yearly.get("earnedHours").decimalValue()).isEqualByComparingTo("26");
        assertThat(yearly.get("requiredContentHours").decimalValue()).isEqualByComparingTo("12");
        assertThat(yearly.get("requiredContentEarned").decimalValue()).isEqualByComparingTo("20");
        assertThat(yearly.get("credits").decimalValue()).isEqualByComparingTo("4.3");
        assertThat(requirement(view, "cycle").get("period").asString()).isEqualTo("2024-2029");

        String recordId = "rq-met|yearly|" + THIS_YEAR.name();
        ConsumerRecord<String, CloudEvent> met = creditTopic.await(r -> r.value() != null
                && recordId.equals(r.value().getSubject()));
        assertThat(met.key()).isEqualTo("rq-met");
        assertThat(met.value().getType()).isEqualTo(EventTypes.REQUIREMENT_MET.name());
        byte[] data = met.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.REQUIREMENT_MET.name(), data)).isEmpty();
        JsonNode payload = EventJson.mapper().readTree(data);
        assertThat(payload.get("earnedHours").decimalValue()).isEqualByComparingTo("26");
        assertThat(payload.get("periodType").asString()).isEqualTo("YEAR");
        assertThat(payload.get("entryId").asString()).isEqualTo(database.getCollection("ledger_entries")
                .find(new Document("source.id", paper.paperId())).first().getString("_id"));

        // a redelivery of the crossing fact and a later award: nothing new
        events.publish(paper);
        ReadingNoteSubmitted later = note("rq-met", DAY);
        publishAndAwait("rq-met", later);
        String laterEntry = database.getCollection("ledger_entries").find(new Document("source.id", later.noteId()))
                .first().getString("_id");
        creditTopic.await(r -> r.value() != null && laterEntry.equals(r.value().getSubject()));
        assertThat(creditTopic.all(r -> r.value() != null && recordId.equals(r.value().getSubject()))).hasSize(1);
        assertThat(database.getCollection("requirements_met").countDocuments(new Document("teacherId", "rq-met")))
                .isEqualTo(1);
    }

    @Test
    void aCrashBetweenTheAwardAndTheRequirementRecordIsHealedByTheRedelivery() {
        PaperRecorded crossing = paper("rq-heal", DAY);
        publishAndAwait("rq-heal", hosted("rq-heal", SCHOOL, DAY, 450), crossing);
        String recordId = "rq-heal|yearly|" + THIS_YEAR.name();
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("requirements_met")
                .find(new Document("_id", recordId)).first() != null);
        database.getCollection("requirements_met").deleteOne(new Document("_id", recordId)); // as if never written

        events.publish(crossing); // redelivered: the award exists, the check runs again
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("requirements_met")
                .find(new Document("_id", recordId)).first() != null);
        assertThat(entries("rq-heal")).isEqualTo(2);
    }

    @Test
    void aSlowPaceIsAtRiskWithItsProjectionAndAPastYearNotMetIsMissed() {
        publishAndAwait("rq-slow", hosted("rq-slow", SCHOOL, DAY, 45)); // 2 学时
        JsonNode yearly = requirement(requirements("rq-slow", THIS_YEAR.name(), school), "yearly");
        LocalDate today = LocalDate.parse(requirements("rq-slow", THIS_YEAR.name(), school).get("asOf").asString());
        long elapsed = ChronoUnit.DAYS.between(THIS_YEAR.firstDay(), today) + 1;
        long total = ChronoUnit.DAYS.between(THIS_YEAR.firstDay(), THIS_YEAR.endExclusive());
        BigDecimal projected = new BigDecimal("2").multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP);
        assertThat(yearly.get("projectedHours").decimalValue()).isEqualByComparingTo(projected);
        assertThat(yearly.get("elapsedDays").asLong()).isEqualTo(elapsed);
        assertThat(yearly.get("status").asString()).isEqualTo(elapsed * 10 < total ? "ON_TRACK" : "AT_RISK");

        SchoolYear past = new SchoolYear(THIS_YEAR.startYear() - 1);
        publishAndAwait("rq-past", hosted("rq-past", SCHOOL, past.firstDay().plusDays(30).toString(), 90));
        JsonNode missed = requirement(requirements("rq-past", past.name(), school), "yearly");
        assertThat(missed.get("status").asString()).isEqualTo("MISSED");
        assertThat(missed.get("earnedHours").decimalValue()).isEqualByComparingTo("4");
        assertThat(missed.get("projectedHours").isNull()).isTrue();
    }

    @Test
    void requirementsAreReadByTheTeacherAndTheirSchoolButNotByAnotherTeacherOrSchool() {
        assertThat(http.get("/api/credits/teachers/rq-met/requirements", teacherToken("rq-slow")).status())
                .isEqualTo(403);
        Http.Reply otherSchoolReply = http.get("/api/credits/teachers/rq-met/requirements", farSchool);
        assertThat(otherSchoolReply.status()).isEqualTo(403);
        assertThat(http.get("/api/credits/teachers/rq-met/requirements", TestTokens.township(DISTRICT, TOWNSHIP))
                .status()).isEqualTo(200);
        assertThat(http.get("/api/credits/teachers/nobody/requirements", school).status()).isEqualTo(404);
        Http.Reply badYear = http.get("/api/credits/teachers/rq-met/requirements?year=2026-2028", school);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
    }

    @Test
    void theSchoolSetsTheTeacherGroupsAndTheClassTeacherRequirementThenApplies() {
        assertThat(ids(requirements("rq-class", THIS_YEAR.name(), school).get("requirements"), "requirementId"))
                .doesNotContain("class-teacher", "new-teacher");

        Http.Reply missing = putGroups("rq-class", school, "{\"newTeacher\": true}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("classTeacher");
        assertThat(putGroups("rq-class", teacherToken("rq-class"), "{\"newTeacher\":false,\"classTeacher\":true}")
                .status()).isEqualTo(403);
        assertThat(putGroups("rq-class", otherSchool, "{\"newTeacher\":false,\"classTeacher\":true}").status())
                .isEqualTo(403);
        assertThat(putGroups("nobody", school, "{\"newTeacher\":false,\"classTeacher\":true}").status())
                .isEqualTo(404);
        assertThat(database.getCollection("teacher_groups").countDocuments(new Document("_id", "rq-class"))).isZero();

        Http.Reply set = putGroups("rq-class", school, "{\"newTeacher\":false,\"classTeacher\":true}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("classTeacher").asBoolean()).isTrue();
        JsonNode view = requirements("rq-class", THIS_YEAR.name(), school);
        assertThat(view.get("classTeacher").asBoolean()).isTrue();
        JsonNode classTeacher = requirement(view, "class-teacher");
        assertThat(classTeacher.get("category").asString()).isEqualTo("class-teacher");
        assertThat(classTeacher.get("period").asString()).isEqualTo("2024-2029");
        assertThat(classTeacher.get("requiredHours").decimalValue()).isEqualByComparingTo("30");
    }

    // ---- at-risk lists ----

    @Test
    void theAtRiskListNamesTheSchoolsTeachersWhoseRequirementsAreAtRiskOrMissed() {
        publishAndAwait("rq-star", hosted("rq-star", OTHER_SCHOOL, DAY, 45 * 180)); // 360 学时: everything met
        Http.Reply reply = http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk?year=" + THIS_YEAR.name(),
                otherSchool);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode page = reply.json();
        assertThat(ids(page.get("items"), "teacherId")).containsExactly("rq-idle", "rq-idle2");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode idle = page.get("items").get(0);
        assertThat(idle.get("teacherName").asString()).isEqualTo("李老师rq-idle");
        assertThat(ids(idle.get("requirements"), "status")).allMatch(s -> s.equals("AT_RISK") || s.equals("MISSED"));
        assertThat(ids(idle.get("requirements"), "requirementId")).contains("cycle");

        JsonNode second = http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk?page=1&size=1", otherSchool)
                .json();
        assertThat(ids(second.get("items"), "teacherId")).containsExactly("rq-idle2");
        assertThat(http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk", TestTokens.township(DISTRICT,
                TOWNSHIP)).status()).isEqualTo(200);
        assertThat(http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk", TestTokens.bureau(DISTRICT))
                .status()).isEqualTo(200);
        assertThat(http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk", school).status()).isEqualTo(403);
        assertThat(http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk", TestTokens.township(DISTRICT,
                OTHER_TOWNSHIP)).status()).isEqualTo(403);
        assertThat(http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk", TestTokens.bureau("dst-else"))
                .status()).isEqualTo(403);
        assertThat(http.get("/api/credits/schools/" + SCHOOL + "/at-risk", teacherToken("rq-met")).status())
                .isEqualTo(403);
        Http.Reply badSize = http.get("/api/credits/schools/" + OTHER_SCHOOL + "/at-risk?size=0", otherSchool);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    // ---- transcript and certificate ----

    @Test
    void theTranscriptListsTheEntriesTotalsAndRequirementsAsJsonAndCsv() {
        publishAndAwait("rq-trans", hosted("rq-trans", SCHOOL, DAY, 450), paper("rq-trans", DAY));
        Http.Reply reply = http.get("/api/credits/teachers/rq-trans/transcript?year=" + THIS_YEAR.name(),
                teacherToken("rq-trans"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode t = reply.json();
        assertThat(t.get("teacher").get("name").asString()).isEqualTo("王老师rq-trans");
        assertThat(t.get("teacher").get("schoolName").asString()).isEqualTo("云溪三中");
        assertThat(t.get("ruleSet").get("version").asInt()).isZero();
        assertThat(t.get("entries")).hasSize(2);
        JsonNode session = StreamSupport.stream(t.get("entries").spliterator(), false)
                .filter(e -> e.get("category").asString().equals("session")).findFirst().orElseThrow();
        assertThat(session.get("categoryNameZh").asString()).isEqualTo("校本研修活动");
        assertThat(session.get("requiredContent").asBoolean()).isTrue();
        assertThat(session.get("sourceType").asString()).isEqualTo(EventTypes.ATTENDANCE_RECORDED.name());
        assertThat(session.get("role").asString()).isEqualTo("HOST");
        assertThat(ids(t.get("totals"), "category")).containsExactlyInAnyOrder("session", "research");
        assertThat(t.get("totalHours").decimalValue()).isEqualByComparingTo("26");
        assertThat(t.get("totalCredits").decimalValue()).isEqualByComparingTo("4.3");
        assertThat(t.get("requiredContentHours").decimalValue()).isEqualByComparingTo("20");
        assertThat(requirement(t, "yearly").get("status").asString()).isEqualTo("MET");

        for (Raw csv : List.of(get("/api/credits/teachers/rq-trans/transcript?format=csv&year=" + THIS_YEAR.name(),
                school, null), get("/api/credits/teachers/rq-trans/transcript?year=" + THIS_YEAR.name(), school,
                "text/csv"))) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body()[0]).isEqualTo((byte) 0xEF); // UTF-8 BOM
            List<String> lines = csv.text().substring(1).lines().toList();
            assertThat(lines.get(1)).startsWith("日期 Date,类别 Category");
            assertThat(lines).anyMatch(l -> l.startsWith(DAY + ",session,校本研修活动,是 yes,") && l.contains(",20.0,"));
            assertThat(lines).anyMatch(l -> l.startsWith("合计学时 Total hours") && l.contains("26.0"));
        }
        Http.Reply badFormat = http.get("/api/credits/teachers/rq-trans/transcript?format=xml", school);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(http.get("/api/credits/teachers/rq-trans/transcript", teacherToken("rq-met")).status())
                .isEqualTo(403);
    }

    @Test
    void theCertificatePdfShowsTheTotalsAndItsNumberVerifiesPubliclyUntilSuperseded() throws IOException {
        publishAndAwait("rq-cert", hosted("rq-cert", SCHOOL, DAY, 450), paper("rq-cert", DAY));
        String path = "/api/credits/teachers/rq-cert/certificate?year=" + THIS_YEAR.name();
        await().atMost(Duration.ofSeconds(20)).until(() -> entries("rq-cert") >= 2);
        Raw pdf = get(path, teacherToken("rq-cert"), null);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String number = pdf.headers().get("x-certificate-number").get(0);
        assertThat(number).matches("JXJY-" + THIS_YEAR.startYear() + "-[0-9A-Z]{10}");
        BigDecimal total;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            total = new BigDecimal(http.get("/api/credits/teachers/rq-cert/transcript?year=" + THIS_YEAR.name(),
                    school).json().get("totalHours").asString());
            assertThat(text).contains(number, THIS_YEAR.name(), total.setScale(1).toPlainString(),
                    "/api/credits/certificates/" + number + "/verification", "rq-cert");
            assertThat(text).contains(new BigDecimal("20.0").toPlainString()); // required content
            // Chinese on every machine: the bundled font is embedded as a subset
            assertThat(text).contains("继续教育证书", "王老师rq-cert");
        }
        Raw again = get(path, school, null);
        assertThat(again.headers().get("x-certificate-number").get(0)).isEqualTo(number);

        Raw verification = get("/api/credits/certificates/" + number + "/verification", null, null);
        assertThat(verification.status()).as(verification.text()).isEqualTo(200);
        JsonNode v = EventJson.mapper().readTree(verification.body());
        List<String> fields = new ArrayList<>();
        v.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("number", "valid", "superseded", "schoolYear", "totalHours",
                "totalCredits", "issuedOn");
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("totalHours").decimalValue()).isEqualByComparingTo(total);
        assertThat(verification.text()).doesNotContain("rq-cert", "王老师", SCHOOL);

        publishAndAwait("rq-cert", note("rq-cert", DAY)); // the record changes: a new number
        Raw reissued = get(path, teacherToken("rq-cert"), null);
        String newNumber = reissued.headers().get("x-certificate-number").get(0);
        assertThat(newNumber).isNotEqualTo(number);
        JsonNode old = EventJson.mapper().readTree(get("/api/credits/certificates/" + number + "/verification", null,
                null).body());
        assertThat(old.get("superseded").asBoolean()).isTrue();
        assertThat(old.get("valid").asBoolean()).isFalse();
        assertThat(EventJson.mapper().readTree(get("/api/credits/certificates/" + newNumber + "/verification", null,
                null).body()).get("totalHours").decimalValue()).isEqualByComparingTo(total.add(new BigDecimal("0.5")));

        Raw unknown = get("/api/credits/certificates/JXJY-2026-NOTANUMBER/verification", null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get(path, null, null).status()).isEqualTo(401);
        assertThat(get(path, teacherToken("rq-met"), null).status()).isEqualTo(403);
    }
}
