package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.AttendanceCorrected;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.contracts.activity.CompetitionResultRecorded;
import cn.xiaoben.contracts.activity.ExternalTrainingClaimed;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.contracts.activity.ReadingNoteSubmitted;
import cn.xiaoben.contracts.activity.ResearchProjectAdvanced;
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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Activity events evaluated against the default rule set in force: awards, caps, declines, corrections, replays. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwardEngineTest {

    static final String DISTRICT = "dst-aw", TOWNSHIP = "tsp-aw", SCHOOL = "sch-aw";
    static final List<String> TEACHERS = List.of("aw-observer", "aw-host", "aw-participant", "aw-main", "aw-co",
            "aw-reader", "aw-leader", "aw-member", "aw-contestant", "aw-absent", "aw-claimant", "aw-corrected",
            "aw-dup", "aw-replay", "aw-replay-co");

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

    @BeforeAll
    void directory() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        creditTopic = new TopicRecorder(brokers, Topics.CREDIT);
        Instant now = clock.instant();
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "云溪二中", "初中", now));
        for (String t : TEACHERS) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "教师" + t, "女", "数学", "g-1",
                    "一级教师", 1985, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TEACHERS.stream()
                .allMatch(t -> directory.teacher(t).isPresent()));
    }

    @AfterAll
    void close() {
        events.close();
        creditTopic.close();
    }

    // ---- events ----

    static LessonObserved observation(String observer, String day, int minutes) {
        return new LessonObserved("obs-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, observer, "aw-host", "数学",
                "七年级", "一元一次方程", OffsetDateTime.parse(day + "T09:00:00+08:00"), minutes, Map.of("objectives", 90),
                "好课", TestClock.start());
    }

    static AttendanceRecorded attendance(String session, String teacher, String role, String mark, int minutes) {
        return new AttendanceRecorded(session, teacher, DISTRICT, TOWNSHIP, SCHOOL, "THEMED_RESEARCH", "SCHOOL",
                LocalDate.parse("2026-11-12"), "aw-host", role, mark, minutes, null, null, "UPLOAD", TestClock.start());
    }

    /** A correction made {@code hoursLater} after the attendance was recorded (two corrections never share a time). */
    static AttendanceCorrected correction(AttendanceRecorded a, String oldMark, int oldMinutes, String newMark,
                                          int newMinutes, int hoursLater) {
        return new AttendanceCorrected(a.sessionId(), a.teacherId(), DISTRICT, TOWNSHIP, SCHOOL, a.form(), a.level(),
                a.date(), a.hostId(), a.role(), oldMark, oldMinutes, newMark, newMinutes, "签到记录有误", "sys",
                a.recordedAt().plus(Duration.ofHours(hoursLater)));
    }

    static PaperRecorded paper(String main, String co) {
        return new PaperRecorded("pap-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, main, List.of(main, co),
                "大单元教学的实践研究", "PAPER", "AWARD", "县论文评比", "COUNTY", "FIRST", LocalDate.parse("2026-10-15"),
                List.of(), TestClock.start());
    }

    static ReadingNoteSubmitted readingNote(String teacher) {
        return new ReadingNoteSubmitted("rdn-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, teacher, "READING_NOTE",
                "读《给教师的建议》", "给教师的建议", "苏霍姆林斯基", "第1–20条", 1200, LocalDate.parse("2026-11-19"), List.of(),
                TestClock.start());
    }

    static ResearchProjectAdvanced concluded(String leader, String member) {
        return new ResearchProjectAdvanced("rsp-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, leader,
                List.of(member), "COUNTY", "MIDTERM", "CONCLUDED", LocalDate.parse("2026-12-01"), TestClock.start());
    }

    static CompetitionResultRecorded competition(String teacher, String day) {
        return new CompetitionResultRecorded("cmp-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, teacher, "优质课评比",
                "QUALITY_LESSON", "TOWNSHIP", "FIRST", LocalDate.parse(day), List.of(), TestClock.start());
    }

    // ---- reading ----

    JsonNode account(String teacherId) {
        Http.Reply reply = http.get("/api/credits/teachers/" + teacherId, school);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    List<JsonNode> entries(String teacherId) {
        return StreamSupport.stream(account(teacherId).get("entries").spliterator(), false).toList();
    }

    JsonNode onlyEntry(String teacherId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(teacherId).size() == 1);
        return entries(teacherId).get(0);
    }

    long ledgerDocuments(String teacherId) {
        return database.getCollection("ledger_entries").countDocuments(new Document("teacherId", teacherId))
                + database.getCollection("credit_declines").countDocuments(new Document("teacherId", teacherId));
    }

    static void assertAward(JsonNode entry, String hours, String category, String ruleId, String role) {
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo(hours);
        assertThat(entry.get("category").asString()).isEqualTo(category);
        assertThat(entry.get("ruleId").asString()).isEqualTo(ruleId);
        assertThat(entry.get("role").asString()).isEqualTo(role);
        assertThat(entry.get("ruleSetId").asString()).isEqualTo("default");
        assertThat(entry.get("ruleSetVersion").asInt()).isZero();
        assertThat(entry.get("kind").asString()).isEqualTo("award");
        assertThat(entry.get("voided").asBoolean()).isFalse();
        assertThat(entry.get("schoolYear").asString()).isEqualTo("2026-2027");
    }

    // ---- tests ----

    @Test
    void theDefaultRulesAwardObservationsAttendancePapersReadingNotesAndConcludedProjects() {
        LessonObserved observed = observation("aw-observer", "2026-11-20", 45);
        events.publish(observed);
        events.publish(attendance("ses-aw-1", "aw-host", "HOST", "PRESENT", 90));
        events.publish(attendance("ses-aw-1", "aw-participant", "PARTICIPANT", "PRESENT", 90));
        PaperRecorded paper = paper("aw-main", "aw-co");
        events.publish(paper);
        events.publish(readingNote("aw-reader"));
        ResearchProjectAdvanced project = concluded("aw-leader", "aw-member");
        events.publish(project);

        assertAward(onlyEntry("aw-observer"), "1.0", "lesson-observation", "observation.observer", "OBSERVER");
        assertThat(onlyEntry("aw-observer").get("requiredContent").asBoolean()).isTrue();
        assertAward(onlyEntry("aw-host"), "4.0", "session", "session.host", "HOST");
        assertAward(onlyEntry("aw-participant"), "2.0", "session", "session.participant", "PARTICIPANT");
        assertAward(onlyEntry("aw-main"), "6.0", "research", "paper.main-author", "MAIN_AUTHOR");
        assertAward(onlyEntry("aw-co"), "3.0", "research", "paper.co-author", "CO_AUTHOR");
        assertThat(onlyEntry("aw-co").get("source").get("id").asString()).isEqualTo(paper.paperId());
        assertAward(onlyEntry("aw-reader"), "0.5", "reading-reflection", "reading-note.author", "AUTHOR");
        assertThat(onlyEntry("aw-reader").get("requiredContent").asBoolean()).isFalse();
        assertAward(onlyEntry("aw-leader"), "10.0", "research", "research.leader", "LEADER");
        assertAward(onlyEntry("aw-member"), "5.0", "research", "research.member", "MEMBER");
        assertThat(onlyEntry("aw-member").get("source").get("id").asString())
                .isEqualTo(project.projectId() + ":CONCLUDED");
        assertThat(account("aw-host").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("4.0");

        String entryId = onlyEntry("aw-observer").get("entryId").asString();
        ConsumerRecord<String, CloudEvent> awarded = creditTopic.await(r -> r.value() != null
                && entryId.equals(r.value().getSubject()));
        assertThat(awarded.key()).isEqualTo("aw-observer");
        byte[] data = awarded.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.CREDIT_AWARDED.name(), data)).isEmpty();
        assertThat(new String(data, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"ruleSetId\":\"default\"", "\"role\":\"OBSERVER\"", "\"requiredContent\":true",
                        "\"sourceKey\":\"LESSON_OBSERVED|" + observed.observationId() + "|aw-observer|OBSERVER\"");
    }

    @Test
    void aCappedCategoryStopsAtItsCapCuttingTheLastAwardAndDecliningTheRest() {
        // 教学比赛 is capped at 10 a year by default; a township first prize pays 4
        for (String day : List.of("2026-10-10", "2026-10-11", "2026-10-12", "2026-10-13")) {
            events.publish(competition("aw-contestant", day));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> account("aw-contestant").get("declined").asInt() == 1);
        JsonNode account = account("aw-contestant");
        assertThat(account.get("entries")).hasSize(3);
        assertThat(account.get("years").get(0).get("byCategory").get("competition").get("hours").decimalValue())
                .isEqualByComparingTo("10.0");
        List<BigDecimal> hours = StreamSupport.stream(account.get("entries").spliterator(), false)
                .map(e -> e.get("hours").decimalValue().setScale(1)).sorted().toList();
        assertThat(hours).containsExactly(new BigDecimal("2.0"), new BigDecimal("4.0"), new BigDecimal("4.0"));
        JsonNode decline = account.get("declines").get(0);
        assertThat(decline.get("reason").asString()).isEqualTo("cap-reached");
        assertThat(decline.get("requestedHours").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(decline.get("ruleSetId").asString()).isEqualTo("default");
        assertThat(decline.get("ruleId").asString()).isEqualTo("competition.contestant");
    }

    @Test
    void anAbsenceIsDeclinedAsNotAttended() {
        events.publish(attendance("ses-aw-2", "aw-absent", "PARTICIPANT", "ABSENT", 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> account("aw-absent").get("declined").asInt() == 1);
        JsonNode account = account("aw-absent");
        assertThat(account.get("entries")).isEmpty();
        assertThat(account.get("declines").get(0).get("reason").asString()).isEqualTo("not-attended");
        assertThat(account.get("declines").get(0).get("source").get("id").asString()).isEqualTo("ses-aw-2");
    }

    @Test
    void externalTrainingNeedingApprovalOpensAClaimAndWritesNothingToTheLedgerYet() {
        String trainingId = "ext-" + UUID.randomUUID();
        events.publish(new ExternalTrainingClaimed(trainingId, DISTRICT, TOWNSHIP, SCHOOL,
                "aw-claimant", "TRAINING", "国培计划初中数学骨干教师培训", "省教育厅", "NATIONAL", "省教育学院",
                LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-24"), new BigDecimal("40"), List.of(),
                clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("credit_claims")
                .countDocuments(new Document("sourceId", trainingId)) == 1);
        Document claim = database.getCollection("credit_claims").find(new Document("sourceId", trainingId)).first();
        assertThat(claim.getString("status")).isEqualTo("PENDING");
        assertThat(claim.getString("ruleId")).isEqualTo("external-training.claimant");
        assertThat(claim.getDouble("hours")).isEqualTo(40.0);
        assertThat(ledgerDocuments("aw-claimant")).isZero();
    }

    @Test
    void anAttendanceCorrectionVoidsTheEntryWithACreditRevokedAndAwardsTheCorrectedAttendance() {
        AttendanceRecorded present = attendance("ses-aw-3", "aw-corrected", "PARTICIPANT", "PRESENT", 90);
        events.publish(present);
        String firstId = onlyEntry("aw-corrected").get("entryId").asString();

        events.publish(correction(present, "PRESENT", 90, "LATE", 45, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries("aw-corrected").size() == 3);
        Map<String, JsonNode> byKind = new LinkedHashMap<>();
        for (JsonNode e : entries("aw-corrected")) {
            byKind.put(e.get("kind").asString() + (e.get("voided").asBoolean() ? "-voided" : ""), e);
        }
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("award-voided", "revocation", "award");
        JsonNode revocation = byKind.get("revocation");
        assertThat(revocation.get("voids").asString()).isEqualTo(firstId);
        assertThat(revocation.get("hours").decimalValue()).isEqualByComparingTo("-2.0");
        assertThat(byKind.get("award-voided").get("voidedBy").asString()).isEqualTo(revocation.get("entryId").asString());
        assertThat(byKind.get("award").get("hours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(byKind.get("award").get("revision").asInt()).isEqualTo(2);
        assertThat(account("aw-corrected").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("1.0");

        ConsumerRecord<String, CloudEvent> revoked = creditTopic.await(r -> r.value() != null
                && EventTypes.CREDIT_REVOKED.name().equals(r.value().getType())
                && revocation.get("entryId").asString().equals(r.value().getSubject()));
        assertThat(revoked.key()).isEqualTo("aw-corrected");
        byte[] data = revoked.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.CREDIT_REVOKED.name(), data)).isEmpty();
        assertThat(new String(data, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"voidedEntryId\":\"" + firstId + "\"");

        // corrected again, now absent: the second award is voided too and the attendance declined
        events.publish(correction(present, "LATE", 45, "ABSENT", 0, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> account("aw-corrected").get("declined").asInt() == 1);
        JsonNode account = account("aw-corrected");
        assertThat(account.get("entries")).hasSize(4);
        assertThat(account.get("declines").get(0).get("reason").asString()).isEqualTo("not-attended");
        assertThat(account.get("declines").get(0).get("revision").asInt()).isEqualTo(3);
        assertThat(account.get("years").get(0).get("totalHours").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void theSameEventsPublishedTwiceCreateNothingNew() {
        LessonObserved observed = observation("aw-dup", "2026-11-02", 90);
        AttendanceRecorded attended = attendance("ses-aw-4", "aw-dup", "PARTICIPANT", "PRESENT", 45);
        String observedId = events.publish(observed);
        String attendedId = events.publish(attended);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries("aw-dup").size() == 2);
        long before = ledgerDocuments("aw-dup");

        events.publish(observed, observedId);   // redelivered / re-published: same id
        events.publish(attended, attendedId);
        events.publish(observed);               // a duplicate event: same record, new id
        events.publish(attended);
        events.publish(readingNote("aw-dup"));   // a marker: once credited, the duplicates were consumed
        await().atMost(Duration.ofSeconds(20)).until(() -> entries("aw-dup").size() >= 3);

        assertThat(entries("aw-dup")).hasSize(3);
        assertThat(ledgerDocuments("aw-dup")).isEqualTo(before + 1);
        assertThat(account("aw-dup").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("3.5");
    }

    @Test
    void everyLedgerTotalEqualsTheSumOfItsEntriesAfterTheWholeHistoryIsReplayedTwice() {
        List<DomainEvent> history = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        AttendanceRecorded attended = attendance("ses-aw-5", "aw-replay", "HOST", "PRESENT", 90);
        history.add(attended);
        history.add(correction(attended, "PRESENT", 90, "PRESENT", 45, 1));
        history.add(paper("aw-replay", "aw-replay-co"));
        history.add(observation("aw-replay", "2026-09-08", 45));
        history.add(attendance("ses-aw-6", "aw-replay", "PARTICIPANT", "ABSENT", 0));
        for (int i = 0; i < 4; i++) {
            history.add(competition("aw-replay", "2026-09-1" + i));
        }
        for (DomainEvent e : history) {
            ids.add(events.publish(e));
        }
        // entries: host award, its revocation and the corrected award, paper, observation, 3 competitions (the third
        // cut to the cap); declines: the absence and the fourth competition
        await().atMost(Duration.ofSeconds(30)).until(() -> account("aw-replay").get("declined").asInt() == 2
                && entries("aw-replay").size() == 8 && entries("aw-replay-co").size() == 1);
        long before = ledgerDocuments("aw-replay") + ledgerDocuments("aw-replay-co");

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < history.size(); i++) {
                events.publish(history.get(i), ids.get(i));
            }
        }
        // markers after the replays on the partitions the history used: once they are credited, the replays are in
        events.publish(readingNote("aw-replay"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries("aw-replay").size() >= 9);

        assertThat(ledgerDocuments("aw-replay") + ledgerDocuments("aw-replay-co")).isEqualTo(before + 1);
        for (String teacher : List.of("aw-replay", "aw-replay-co")) {
            JsonNode account = account(teacher);
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode e : account.get("entries")) {
                sum = sum.add(e.get("hours").decimalValue());
            }
            BigDecimal byCategory = BigDecimal.ZERO;
            for (JsonNode c : account.get("years").get(0).get("byCategory")) {
                byCategory = byCategory.add(c.get("hours").decimalValue());
            }
            assertThat(account.get("years").get(0).get("totalHours").decimalValue()).as(teacher)
                    .isEqualByComparingTo(sum).isEqualByComparingTo(byCategory);
        }
        // host 4 → revoked, 2 re-awarded; paper 6; observation 1; competitions 4 + 4 + 2; reading note 0.5
        assertThat(account("aw-replay").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("19.5");
        assertThat(account("aw-replay-co").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("3.0");
    }
}
