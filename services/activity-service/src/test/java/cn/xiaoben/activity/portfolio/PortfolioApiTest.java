package cn.xiaoben.activity.portfolio;

import cn.xiaoben.activity.Uploads;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The growth portfolio of the school year before the current one on the suite's clock: wholly in the past at whatever
 * "now" the suite runs, so every open duty is MISSED. Its dates and the teachers' ages are set relative to that year.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioApiTest {

    static final String DISTRICT = "dst-pf", TOWNSHIP = "tsp-pf", SCHOOL = "sch-pf-a", OTHER_SCHOOL = "sch-pf-b";
    static final String YOUNG = "t-pf-young", SENIOR = "t-pf-senior", FAR = "t-pf-far", NEWCOMER = "t-pf-new";
    static final String TEXT = "本学期我重点研究了如何在课堂中落实核心素养，尝试以问题链驱动学生思考，课堂氛围明显改善，"
            + "但对学困生的关注仍显不足，今后要在分层作业上多下功夫。";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    TestClock clock;

    Http http;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String young = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, YOUNG);
    final String senior = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, SENIOR);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    /** Last school year: the year of the work below. */
    SchoolYear year;

    @BeforeAll
    void aYearOfWork() {
        http = Http.local(port);
        year = new SchoolYear(SchoolYear.current(clock).startYear() - 1);
        int y = year.startYear();
        try (TestEvents events = new TestEvents(kafka.getBrokersAsString())) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "河口中学", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "河口二中", "初中", now));
            events.publish(new TeacherRegistered(YOUNG, DISTRICT, TOWNSHIP, SCHOOL, "林晓", "女", "数学", "g-pf", "二级教师", y - 29, now));
            events.publish(new TeacherRegistered(SENIOR, DISTRICT, TOWNSHIP, SCHOOL, "周建国", "男", "数学", "g-pf", "高级教师", y - 50, now));
            events.publish(new TeacherRegistered(NEWCOMER, DISTRICT, TOWNSHIP, SCHOOL, "何雨", "女", "数学", "g-pf", "二级教师", y - 26, now));
            events.publish(new TeacherRegistered(FAR, DISTRICT, TOWNSHIP, OTHER_SCHOOL, "郑敏", "女", "语文", "g-pf2", "一级教师", y - 35, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(YOUNG).isPresent()
                && directory.teacher(SENIOR).isPresent() && directory.teacher(FAR).isPresent()
                && directory.birthYear(YOUNG).isPresent() && directory.birthYear(NEWCOMER).isPresent());

        // ten reading notes in the year's first term, two in its second
        for (int i = 0; i < 12; i++) {
            LocalDate on = i < 10 ? LocalDate.of(y, 9, 10).plusDays(7L * i) : LocalDate.of(y + 1, 3, 2).plusDays(i);
            created(http.post("/api/activities/reading-notes", school, Map.of("teacherId", YOUNG, "kind", "article",
                    "title", "读书心得 " + i, "bookTitle", "中学数学教学参考 第" + i + "期", "text", TEXT,
                    "writtenOn", on.toString())));
        }
        created(http.post("/api/activities/reflections", young, Map.of("teacherId", YOUNG, "kind", "caseStudy",
                "title", "一次小组合作学习的案例分析", "text", TEXT, "writtenOn", LocalDate.of(y, 12, 3).toString())));
        created(http.post("/api/activities/competition-results", school, Map.of("teacherId", YOUNG,
                "competition", "全镇初中数学优质课评选", "kind", "QUALITY_LESSON", "level", "TOWNSHIP",
                "result", "FIRST", "heldOn", LocalDate.of(y, 11, 18).toString())));
        created(http.post("/api/activities/research-projects", school, Map.of("title", "初中数学问题链教学的实践研究",
                "level", "COUNTY", "subject", "数学", "leaderId", SENIOR, "memberIds", List.of(YOUNG),
                "appliedOn", LocalDate.of(y, 9, 20).toString())));
        Map<String, Object> observation = new HashMap<>();
        observation.put("observerId", YOUNG);
        observation.put("teacherId", SENIOR);
        observation.put("subject", "数学");
        observation.put("grade", "八年级");
        observation.put("topic", "勾股定理");
        observation.put("observedAt", LocalDate.of(y, 10, 14) + "T09:00:00+08:00");
        observation.put("durationMinutes", 45);
        observation.put("scores", Map.of("objectives", 90, "content", 88, "method", 86, "engagement", 84,
                "effect", 87, "basicSkills", 91));
        observation.put("comment", "问题设计层层递进");
        created(http.post("/api/activities/lesson-observations", school, observation));
        // a themed session the young teacher hosted in the first term, held by an attendance upload
        Map<String, Object> session = new HashMap<>();
        session.put("form", "THEMED_RESEARCH");
        session.put("topic", "问题链教学研讨");
        session.put("level", "SCHOOL");
        session.put("hostId", YOUNG);
        session.put("speakerId", YOUNG);
        session.put("subjectGroupId", "g-pf");
        session.put("plannedStart", LocalDate.of(y, 10, 15) + "T15:30:00+08:00");
        session.put("plannedEnd", LocalDate.of(y, 10, 15) + "T17:00:00+08:00");
        session.put("participantIds", List.of(SENIOR));
        Http.Reply planned = http.post("/api/activities/sessions", school, session);
        created(planned);
        assertThat(http.post("/api/activities/sessions/" + planned.json().get("id").asString() + "/attendance", school,
                List.of(Map.of("teacherId", SENIOR, "mark", "PRESENT", "attendedMinutes", 90))).status()).isEqualTo(200);
        // 六个一: a mentor and a full set of lesson plans
        created(http.post("/api/activities/mentorships", school, Map.of("mentorId", SENIOR, "menteeId", YOUNG,
                "schoolYear", year.name(), "goals", List.of("站稳讲台"),
                "startedOn", LocalDate.of(y, 9, 5).toString())));
        String plans = new Uploads(port).upload(school, "教案.pdf", "application/pdf", Uploads.pdf()).json()
                .get("id").asString();
        created(http.post("/api/activities/teaching-materials", school, Map.of("teacherId", YOUNG,
                "kind", "LESSON_PLAN_SET", "title", "八年级上册第一章教案", "subject", "数学", "grade", "八年级",
                "submittedOn", LocalDate.of(y + 1, 1, 10).toString(), "attachmentIds", List.of(plans))));
        // outside the year: must not appear
        created(http.post("/api/activities/reflections", young, Map.of("teacherId", YOUNG, "kind", "teachingReflection",
                "title", "上一学年的反思", "text", TEXT, "writtenOn", LocalDate.of(y, 6, 30).toString())));
    }

    private static void created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void aTeachersPortfolioGroupsTheYearsWorkByFormAndLeavesOtherYearsOut() {
        Http.Reply reply = http.get("/api/activities/teachers/" + YOUNG + "/portfolio?year=" + year.name(), young);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode portfolio = reply.json();
        assertThat(portfolio.get("teacher").get("name").asString()).isEqualTo("林晓");
        assertThat(portfolio.get("year").asString()).isEqualTo(year.name());
        assertThat(portfolio.get("totalEntries").asInt()).isEqualTo(19);
        assertThat(section(portfolio, "READING_NOTE").get("count").asInt()).isEqualTo(12);
        assertThat(section(portfolio, "REFLECTION").get("count").asInt()).isEqualTo(1);
        assertThat(section(portfolio, "COMPETITION").get("entries").get(0).get("details").get("result").asString())
                .isEqualTo("FIRST");
        JsonNode project = section(portfolio, "RESEARCH_PROJECT").get("entries").get(0);
        assertThat(project.get("role").asString()).isEqualTo("MEMBER");
        assertThat(project.get("status").asString()).isEqualTo("APPLIED");
        JsonNode observed = section(portfolio, "LESSON_OBSERVATION").get("entries").get(0);
        assertThat(observed.get("role").asString()).isEqualTo("OBSERVER");
        assertThat(observed.get("date").asString()).isEqualTo(LocalDate.of(year.startYear(), 10, 14).toString());
        assertThat(observed.get("path").asString()).startsWith("/api/activities/lesson-observations/");
        JsonNode hosted = section(portfolio, "THEMED_RESEARCH").get("entries").get(0);
        assertThat(hosted.get("role").asString()).isEqualTo("HOST");
        assertThat(hosted.get("status").asString()).isEqualTo("HELD");
        assertThat(section(portfolio, "MENTORSHIP").get("entries").get(0).get("role").asString()).isEqualTo("MENTEE");
        assertThat(section(portfolio, "TEACHING_MATERIAL").get("count").asInt()).isEqualTo(1);
        assertThat(section(portfolio, "PAPER").get("count").asInt()).isZero();
        assertThat(section(portfolio, "PAPER").get("nameZh").asString()).isEqualTo("论文 / 案例");
    }

    @Test
    void theThreeOnesShowWhatIsMetAndWhatWasMissedPerTermAndYear() {
        JsonNode portfolio = http.get("/api/activities/teachers/" + YOUNG + "/portfolio?year=" + year.name(), young)
                .json();

        JsonNode reading1 = duty(portfolio.get("threeOnes"), "PROFESSIONAL_READING", year.name() + "-1");
        assertThat(reading1.get("status").asString()).isEqualTo("MET");
        assertThat(reading1.get("done").asInt()).isEqualTo(10);
        assertThat(reading1.get("required").asInt()).isEqualTo(10);
        JsonNode reading2 = duty(portfolio.get("threeOnes"), "PROFESSIONAL_READING", year.name() + "-2");
        assertThat(reading2.get("status").asString()).isEqualTo("MISSED");
        assertThat(reading2.get("done").asInt()).isEqualTo(2);
        // a case study counts as the year's "paper or case"
        JsonNode paper = duty(portfolio.get("threeOnes"), "PAPER_OR_CASE", year.name());
        assertThat(paper.get("status").asString()).isEqualTo("MET");
        assertThat(paper.get("evidence")).hasSize(1);
        assertThat(duty(portfolio.get("threeOnes"), "OPEN_LESSON", year.name()).get("status").asString())
                .isEqualTo("MISSED");
        assertThat(duty(portfolio.get("threeOnes"), "HOST_GROUP_SESSION", year.name() + "-1").get("status").asString())
                .isEqualTo("MET");
        assertThat(duty(portfolio.get("threeOnes"), "HOST_GROUP_SESSION", year.name() + "-2").get("status").asString())
                .isEqualTo("MISSED");
    }

    @Test
    void aYoungTeacherAlsoGetsTheSixOnesAndASeniorTeacherDoesNot() {
        JsonNode youngOnes = http.get("/api/activities/teachers/" + YOUNG + "/portfolio?year=" + year.name(), school)
                .json();
        assertThat(youngOnes.get("youngTeacher").asBoolean()).isTrue();
        assertThat(youngOnes.get("youngTeacherBasis").asString()).isEqualTo("MENTEE");
        assertThat(youngOnes.get("sixOnes")).hasSize(7);
        assertThat(duty(youngOnes.get("sixOnes"), "MENTOR_ASSIGNED", year.name()).get("status").asString())
                .isEqualTo("MET");
        assertThat(duty(youngOnes.get("sixOnes"), "LESSON_PLAN_SET", year.name()).get("status").asString())
                .isEqualTo("MET");
        assertThat(duty(youngOnes.get("sixOnes"), "HOST_SESSION", year.name()).get("status").asString())
                .isEqualTo("MET");
        assertThat(duty(youngOnes.get("sixOnes"), "RESEARCH_PROJECT", year.name()).get("status").asString())
                .isEqualTo("MET");
        assertThat(duty(youngOnes.get("sixOnes"), "TEST_PAPER", year.name()).get("status").asString())
                .isEqualTo("MISSED");

        JsonNode seniorOnes = http.get("/api/activities/teachers/" + SENIOR + "/portfolio?year=" + year.name(), senior)
                .json();
        assertThat(seniorOnes.get("youngTeacher").asBoolean()).isFalse();
        assertThat(section(seniorOnes, "MENTORSHIP").get("entries").get(0).get("role").asString()).isEqualTo("MENTOR");
        assertThat(section(seniorOnes, "THEMED_RESEARCH").get("entries").get(0).get("role").asString())
                .isEqualTo("PARTICIPANT");
        JsonNode newcomer = http.get("/api/activities/teachers/" + NEWCOMER + "/portfolio?year=" + year.name(), school)
                .json();
        assertThat(newcomer.get("youngTeacherBasis").asString()).isEqualTo("AGE");
        assertThat(seniorOnes.get("sixOnes").isNull()).isTrue();
        assertThat(section(seniorOnes, "RESEARCH_PROJECT").get("entries").get(0).get("role").asString())
                .isEqualTo("LEADER");
    }

    @Test
    void onlyTheTeacherTheirSchoolAndTheirTownshipOrBureauMayOpenIt() {
        String path = "/api/activities/teachers/" + YOUNG + "/portfolio?year=" + year.name();
        assertThat(http.get(path, senior).status()).isEqualTo(403);
        assertThat(http.get(path, otherSchool).status()).isEqualTo(403);
        assertThat(http.get(path, TestTokens.township(DISTRICT, TOWNSHIP)).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.bureau(DISTRICT)).status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.township(DISTRICT, "tsp-elsewhere")).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/teachers/t-nobody/portfolio", school).status()).isEqualTo(404);
    }

    @Test
    void aMalformedYearIsAFieldError() {
        Http.Reply reply = http.get("/api/activities/teachers/" + YOUNG + "/portfolio?year=2025", young);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
    }

    @Test
    void withoutAYearItShowsTheCurrentSchoolYearWhereOnlyTheUnfinishedProjectCarriesOver() {
        JsonNode portfolio = http.get("/api/activities/teachers/" + YOUNG + "/portfolio", young).json();

        assertThat(portfolio.get("year").asString()).isEqualTo(SchoolYear.current(clock).name())
                .isNotEqualTo(year.name());
        assertThat(portfolio.get("totalEntries").asInt()).isEqualTo(1);
        assertThat(section(portfolio, "RESEARCH_PROJECT").get("count").asInt()).isEqualTo(1);
    }

    private static JsonNode section(JsonNode portfolio, String form) {
        return StreamSupport.stream(portfolio.get("sections").spliterator(), false)
                .filter(s -> form.equals(s.get("form").asString())).findFirst().orElseThrow();
    }

    private static JsonNode duty(JsonNode duties, String code, String period) {
        return StreamSupport.stream(duties.spliterator(), false)
                .filter(d -> code.equals(d.get("code").asString()) && period.equals(d.get("period").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no duty " + code + " " + period + " in " + duties));
    }
}
