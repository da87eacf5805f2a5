package cn.xiaoben.reporting;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.contracts.credit.CreditRevoked;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TownshipRegistered;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import cn.xiaoben.testsupport.TopicRecorder;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest {

    static final String DISTRICT = "dst-r", T1 = "tsp-1", T2 = "tsp-2";
    static final String A = "sch-a", B = "sch-b", C = "sch-c";
    static final String YEAR = "?year=2026-2027";

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
    final String bureau = TestTokens.bureau(DISTRICT);
    final String schoolA = TestTokens.schoolSystem(DISTRICT, T1, A);

    @BeforeAll
    void aCountyWithTwoTownshipsThreeSchoolsAndAYearOfFacts() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        Instant now = clock.instant();
        events.publish(new TownshipRegistered(T1, DISTRICT, "城关镇", now));
        events.publish(new TownshipRegistered(T2, DISTRICT, "河口镇", now));
        events.publish(new SchoolRegistered(A, DISTRICT, T1, "城关一中", "初中", now));
        events.publish(new SchoolRegistered(B, DISTRICT, T1, "城关小学", "小学", now));
        events.publish(new SchoolRegistered(C, DISTRICT, T2, "河口中学", "初中", now));
        Map<String, String> teachers = Map.of("a1", A, "a2", A, "a3", A, "b1", B, "c1", C, "c2", C);
        teachers.forEach((t, school) -> events.publish(new TeacherRegistered(t, DISTRICT,
                school.equals(C) ? T2 : T1, school, "教师" + t, "女", "数学", "g-" + school, "一级教师", 1985, now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> teachers.keySet().stream()
                .allMatch(t -> directory.teacher(t).isPresent()));

        events.publish(observed(A, "a1", "a2", "数学", "2026-09-15T09:00:00+08:00"));
        events.publish(observed(A, "a1", "a3", "语文", "2026-10-08T09:00:00+08:00"));
        events.publish(observed(A, "a2", "a1", "数学", "2026-10-20T09:00:00+08:00"));
        events.publish(observed(A, "a1", "a2", "数学", "2026-05-10T09:00:00+08:00"));   // school year 2025-2026
        events.publish(credit("a1", A, "2026-2027", "听课评课", "1.5", "2026-09-15"));
        events.publish(credit("a1", A, "2026-2027", "听课评课", "1.5", "2026-10-08"));
        events.publish(credit("a2", A, "2026-2027", "主题教研", "2.0", "2026-11-05"));
        events.publish(credit("b1", B, "2026-2027", "外出培训", "4.5", "2026-10-10"));
        events.publish(credit("a1", A, "2025-2026", "听课评课", "1.5", "2026-05-10"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode a = report("/api/reports/schools/" + A + YEAR, schoolA);
            assertThat(a.get("lessonObservations").get("total").asLong()).isEqualTo(3);
            assertThat(a.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("5");
            JsonNode lastYear = report("/api/reports/schools/" + A + "?year=2025-2026", schoolA);
            assertThat(lastYear.get("lessonObservations").get("total").asLong()).isEqualTo(1);
            assertThat(lastYear.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("1.5");
            assertThat(report("/api/reports/schools/" + B + YEAR, bureau).get("credits").get("totalHours")
                    .decimalValue()).isEqualByComparingTo("4.5");
        });
    }

    @AfterAll
    void close() {
        events.close();
    }

    static LessonObserved observed(String school, String observer, String teacher, String subject, String at) {
        return new LessonObserved("obs-" + UUID.randomUUID(), DISTRICT, school.equals(C) ? T2 : T1, school, observer,
                teacher, subject, "七年级", "公开课", OffsetDateTime.parse(at), 45,
                Map.of("objectives", 90, "content", 85), null, TestClock.start());
    }

    static CreditAwarded credit(String teacher, String school, String schoolYear, String category, String hours,
                                String activityDate) {
        return new CreditAwarded("ce-" + UUID.randomUUID(), teacher, DISTRICT, school, schoolYear, category,
                new BigDecimal(hours), new BigDecimal(hours), "rule-1", EventTypes.LESSON_OBSERVED.name(),
                "obs-x", "evt-x", LocalDate.parse(activityDate), TestClock.start());
    }

    JsonNode report(String path, String token) {
        Http.Reply reply = http.get(path, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aSchoolReportCountsObservationsBySubjectAndMonthAndCreditsByCategory() {
        JsonNode a = report("/api/reports/schools/" + A + YEAR, schoolA);

        assertThat(a.get("schoolName").asString()).isEqualTo("城关一中");
        assertThat(a.get("townshipId").asString()).isEqualTo(T1);
        assertThat(a.get("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(a.get("teachers").asLong()).isEqualTo(3);
        JsonNode observations = a.get("lessonObservations");
        assertThat(observations.get("bySubject").get("数学").asLong()).isEqualTo(2);
        assertThat(observations.get("bySubject").get("语文").asLong()).isEqualTo(1);
        assertThat(observations.get("byMonth").get("2026-09").asLong()).isEqualTo(1);
        assertThat(observations.get("byMonth").get("2026-10").asLong()).isEqualTo(2);
        JsonNode credits = a.get("credits");
        assertThat(credits.get("teachersWithCredit").asLong()).isEqualTo(2);
        assertThat(credits.get("averageHoursPerTeacher").decimalValue()).isEqualByComparingTo("1.67");
        assertThat(credits.get("byCategory").get("听课评课").decimalValue()).isEqualByComparingTo("3");
        assertThat(credits.get("byCategory").get("主题教研").decimalValue()).isEqualByComparingTo("2");
        assertThat(a.get("updatedAt").asString()).isNotBlank();

        JsonNode lastYear = report("/api/reports/schools/" + A + "?year=2025-2026", schoolA);
        assertThat(lastYear.get("lessonObservations").get("byMonth").propertyNames()).containsExactly("2026-05");
        assertThat(report("/api/reports/schools/" + A + "?year=2024-2025", schoolA).get("updatedAt").isNull())
                .isTrue();
    }

    @Test
    void withoutAYearTheReportIsForTheCurrentSchoolYearInChina() {
        String current = SchoolYear.current(clock).toString();
        assertThat(report("/api/reports/schools/" + A, schoolA).get("schoolYear").asString()).isEqualTo(current);
        assertThat(report("/api/reports/teachers/a1", schoolA).get("schoolYear").asString()).isEqualTo(current);
        assertThat(report("/api/reports/district", bureau).get("schoolYear").asString()).isEqualTo(current);
    }

    @Test
    void aTeacherReportCountsObservationsGivenAndReceivedCreditsAndTheLatestActivity() {
        JsonNode a1 = report("/api/reports/teachers/a1" + YEAR, schoolA);
        assertThat(a1.get("teacherName").asString()).isEqualTo("教师a1");
        assertThat(a1.get("lessonObservations").get("given").asLong()).isEqualTo(2);
        assertThat(a1.get("lessonObservations").get("received").asLong()).isEqualTo(1);
        assertThat(a1.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("3");
        assertThat(a1.get("credits").get("byCategory").propertyNames()).containsExactly("听课评课");
        assertThat(a1.get("latestActivity").get("kind").asString()).isEqualTo("lesson-observation-received");
        assertThat(a1.get("latestActivity").get("date").asString()).isEqualTo("2026-10-20");

        JsonNode a2 = report("/api/reports/teachers/a2" + YEAR, TestTokens.teacher(DISTRICT, T1, A, "a2"));
        assertThat(a2.get("latestActivity").get("kind").asString()).isEqualTo("credit-awarded");
        assertThat(a2.get("latestActivity").get("category").asString()).isEqualTo("主题教研");
        assertThat(a2.get("latestActivity").get("date").asString()).isEqualTo("2026-11-05");

        JsonNode nothing = report("/api/reports/teachers/a3?year=2024-2025", schoolA);
        assertThat(nothing.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("0");
        assertThat(nothing.get("latestActivity").isNull()).isTrue();
    }

    @Test
    void aRedeliveredOrRepublishedEventChangesNothing() {
        CreditAwarded credit = credit("c1", C, "2026-2027", "听课评课", "2", "2026-10-12");
        LessonObserved observation = observed(C, "c1", "c2", "数学", "2026-10-12T09:00:00+08:00");
        String creditEventId = "ce-" + UUID.randomUUID();
        String observationEventId = "ce-" + UUID.randomUUID();
        events.publish(credit, creditEventId);
        events.publish(observation, observationEventId);
        events.publish(credit, creditEventId);                   // redelivered: the same CloudEvent
        events.publish(observation, observationEventId);
        events.publish(credit, "ce-reminted-" + UUID.randomUUID());       // the same fact in a new envelope
        events.publish(observation, "ce-reminted-" + UUID.randomUUID());
        // same keys (teacher, observer), so same partitions: once these are applied, so were the duplicates
        events.publish(credit("c1", C, "2026-2027", "网络研修", "1", "2026-10-13"));
        events.publish(observed(C, "c1", "c2", "物理", "2026-10-13T09:00:00+08:00"));

        String path = "/api/reports/schools/" + C + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode c = report(path, bureau);
            assertThat(c.get("credits").get("byCategory").has("网络研修")).isTrue();
            assertThat(c.get("lessonObservations").get("bySubject").has("物理")).isTrue();
        });
        JsonNode c = report(path, bureau);
        assertThat(c.get("lessonObservations").get("total").asLong()).isEqualTo(2);
        assertThat(c.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("3");
        assertThat(c.get("credits").get("byCategory").get("听课评课").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void aRevokedCreditNoLongerCountsAndATeacherWhoseCreditWasAllRevokedIsNotCredited() {
        String district = "dst-rv", township = "tsp-rv", school = "sch-rv";
        Instant now = clock.instant();
        events.publish(new TownshipRegistered(township, district, "回龙镇", now));
        events.publish(new SchoolRegistered(school, district, township, "回龙中学", "初中", now));
        for (String t : List.of("rv-1", "rv-2")) {
            events.publish(new TeacherRegistered(t, district, township, school, "教师" + t, "男", "数学", "g-rv",
                    "一级教师", 1985, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher("rv-2").isPresent());
        CreditAwarded first = new CreditAwarded("crd-rv-1", "rv-1", district, school, "2026-2027", "session",
                new BigDecimal("3.0"), new BigDecimal("3.0"), "session.participant",
                EventTypes.ATTENDANCE_RECORDED.name(), "ses-rv", "evt-rv-1", LocalDate.parse("2026-11-12"), now);
        CreditAwarded other = new CreditAwarded("crd-rv-2", "rv-2", district, school, "2026-2027", "session",
                new BigDecimal("2.0"), new BigDecimal("2.0"), "session.participant",
                EventTypes.ATTENDANCE_RECORDED.name(), "ses-rv", "evt-rv-2", LocalDate.parse("2026-11-12"), now);
        events.publish(first);
        events.publish(other);
        CreditRevoked revoked = revocation("crd-rv-1", first);
        String revokedId = events.publish(revoked);
        events.publish(revoked, revokedId);                         // redelivered: nothing more
        events.publish(new CreditAwarded("crd-rv-3", "rv-1", district, school, "2026-2027", "session",
                new BigDecimal("1.0"), new BigDecimal("1.0"), "session.participant",
                EventTypes.ATTENDANCE_CORRECTED.name(), "ses-rv", "evt-rv-3", LocalDate.parse("2026-11-12"), now));
        events.publish(revocation("crd-rv-2", other));

        String token = TestTokens.schoolSystem(district, township, school);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = report("/api/reports/schools/" + school + YEAR, token);
            assertThat(report.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("1");
            assertThat(report.get("credits").get("teachersWithCredit").asLong()).isEqualTo(1);
        });
        JsonNode rv1 = report("/api/reports/teachers/rv-1" + YEAR, token);
        assertThat(rv1.get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("1");
        assertThat(rv1.get("latestActivity").get("kind").asString()).isEqualTo("credit-awarded");
        assertThat(report("/api/reports/teachers/rv-2" + YEAR, token).get("credits").get("totalHours")
                .decimalValue()).isEqualByComparingTo("0");
    }

    static CreditRevoked revocation(String entryId, CreditAwarded voided) {
        return new CreditRevoked(entryId + "-void", voided.entryId(), voided.teacherId(), voided.districtId(),
                voided.schoolId(), voided.schoolYear(), voided.category(), voided.hours().negate(),
                "ATTENDANCE_CORRECTED", "ATTENDANCE_RECORDED|ses-rv|" + voided.teacherId() + "|PARTICIPANT",
                EventTypes.ATTENDANCE_CORRECTED.name(), "ses-rv", "evt-corr", voided.activityDate(), TestClock.start());
    }

    @Test
    void anUnusableCreditEventGoesToTheCreditDeadLetterTopic() {
        try (TopicRecorder deadLetters = new TopicRecorder(brokers, Topics.deadLetterOf(Topics.CREDIT))) {
            String id = "ce-bad-year-" + UUID.randomUUID();
            CreditAwarded badYear = credit("b1", B, "next year", "外出培训", "9", "2026-10-11");
            events.publishRaw(Topics.CREDIT, "b1", CloudEventBuilder.v1().withId(id)
                    .withSource(URI.create("/xiaoben/test")).withType(EventTypes.CREDIT_AWARDED.name())
                    .withDataContentType("application/json")
                    .withData(cn.xiaoben.contracts.EventJson.write(badYear)).build());
            deadLetters.await(r -> r.value() != null && id.equals(r.value().getId()));
        }
        assertThat(report("/api/reports/schools/" + B + YEAR, bureau).get("credits").get("totalHours").decimalValue())
                .isEqualByComparingTo("4.5");
    }

    @Test
    void schoolAndTeacherReportsAreScopedToTheCallersTenancy() {
        String pathA = "/api/reports/schools/" + A + YEAR;
        Http.Reply none = http.get(pathA, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        Http.Reply otherSchool = http.get(pathA, TestTokens.schoolSystem(DISTRICT, T1, B));
        assertThat(otherSchool.status()).isEqualTo(403);
        assertThat(otherSchool.isProblem()).isTrue();
        assertThat(http.get(pathA, TestTokens.township(DISTRICT, T2)).status()).isEqualTo(403);
        assertThat(http.get(pathA, TestTokens.township(DISTRICT, T1)).status()).isEqualTo(200);
        assertThat(http.get(pathA, TestTokens.bureau("dst-other")).status()).isEqualTo(403);
        assertThat(http.get("/api/reports/schools/sch-nowhere" + YEAR, bureau).status()).isEqualTo(404);

        assertThat(http.get("/api/reports/teachers/a2" + YEAR, TestTokens.teacher(DISTRICT, T1, A, "a1")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/reports/teachers/a1" + YEAR, TestTokens.schoolSystem(DISTRICT, T1, B)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/reports/teachers/t-nobody" + YEAR, schoolA).status()).isEqualTo(404);
    }

    @Test
    void aTownshipReportHasARowPerSchoolOfTheTownshipOnly() {
        JsonNode t1 = report("/api/reports/townships/" + T1 + YEAR, TestTokens.township(DISTRICT, T1));

        assertThat(t1.get("townshipName").asString()).isEqualTo("城关镇");
        assertThat(t1.get("schools").findValuesAsString("schoolId")).containsExactly(A, B);
        JsonNode a = t1.get("schools").get(0);
        assertThat(a.get("teachers").asLong()).isEqualTo(3);
        assertThat(a.get("lessonObservations").asLong()).isEqualTo(3);
        assertThat(a.get("creditHours").decimalValue()).isEqualByComparingTo("5");
        JsonNode b = t1.get("schools").get(1);
        assertThat(b.get("lessonObservations").asLong()).isZero();
        assertThat(b.get("creditHours").decimalValue()).isEqualByComparingTo("4.5");
        JsonNode totals = t1.get("totals");
        assertThat(totals.get("schools").asInt()).isEqualTo(2);
        assertThat(totals.get("teachers").asLong()).isEqualTo(4);
        assertThat(totals.get("creditHours").decimalValue()).isEqualByComparingTo("9.5");

        assertThat(http.get("/api/reports/townships/" + T1 + YEAR, bureau).status()).isEqualTo(200);
        assertThat(http.get("/api/reports/townships/" + T1 + YEAR, TestTokens.township(DISTRICT, T2)).status())
                .isEqualTo(403);
        Http.Reply school = http.get("/api/reports/townships/" + T1 + YEAR, schoolA);
        assertThat(school.status()).isEqualTo(403);
        assertThat(school.json().get("detailZh").asString()).contains("镇");
        assertThat(http.get("/api/reports/townships/" + T1 + YEAR, TestTokens.bureau("dst-other")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/reports/townships/tsp-nowhere" + YEAR, bureau).status()).isEqualTo(404);
    }

    @Test
    void theDistrictReportIsForTheBureauOnlyAndGroupsSchoolsByTownship() {
        JsonNode district = report("/api/reports/district" + YEAR, bureau);

        assertThat(district.get("districtId").asString()).isEqualTo(DISTRICT);
        assertThat(district.get("schools").findValuesAsString("schoolId")).containsExactly(A, B, C);
        JsonNode t1 = district.get("townships").get(0);
        assertThat(t1.get("townshipName").asString()).isEqualTo("城关镇");
        assertThat(t1.get("totals").get("creditHours").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(district.get("townships").get(1).get("townshipId").asString()).isEqualTo(T2);

        assertThat(http.get("/api/reports/district" + YEAR, TestTokens.township(DISTRICT, T1)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/reports/district" + YEAR, schoolA).status()).isEqualTo(403);
    }

    @Test
    void aMalformedSchoolYearIsABadRequest() {
        for (String path : List.of("/api/reports/schools/" + A, "/api/reports/teachers/a1",
                "/api/reports/townships/" + T1, "/api/reports/district")) {
            for (String year : List.of("2026", "2026-2028", "2026-27", "二〇二六")) {
                Http.Reply reply = http.get(path + "?year=" + java.net.URLEncoder.encode(year, StandardCharsets.UTF_8),
                        bureau);
                assertThat(reply.status()).as(path + " " + year).isEqualTo(400);
                assertThat(reply.isProblem()).isTrue();
                assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
                assertThat(reply.json().get("detailZh").asString()).isNotBlank();
            }
        }
    }
}
