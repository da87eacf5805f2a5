package cn.xiaoben.activity;

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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperAndCompetitionApiTest {

    static final String DISTRICT = "dst-pap", TOWNSHIP = "tsp-pap", SCHOOL = "sch-pap-a", OTHER_SCHOOL = "sch-pap-b";

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
    final String author = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-pap-author");
    final String coauthor = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-pap-co");
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关六中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关七中", "初中", now));
            events.publish(new TeacherRegistered("t-pap-author", DISTRICT, TOWNSHIP, SCHOOL, "周敏", "女", "数学", "g-p1", "一级教师", 1986, now));
            events.publish(new TeacherRegistered("t-pap-co", DISTRICT, TOWNSHIP, SCHOOL, "吴刚", "男", "数学", "g-p1", "二级教师", 1992, now));
            events.publish(new TeacherRegistered("t-pap-far", DISTRICT, TOWNSHIP, OTHER_SCHOOL, "郑欣", "女", "语文", "g-p2", "一级教师", 1989, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher("t-pap-author").isPresent()
                && directory.teacher("t-pap-co").isPresent() && directory.teacher("t-pap-far").isPresent());
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    /** When the paper of these tests came out: in the past of whatever "now" the suite runs at. */
    LocalDate publishedOn() {
        return clock.today().minusDays(53);
    }

    Map<String, Object> awardedPaper(String... authorIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("authorIds", List.of(authorIds));
        body.put("title", "核心素养视角下的初中数学单元教学设计");
        body.put("kind", "PAPER");
        body.put("outlet", Map.of("type", "AWARD", "name", "全县中小学教学论文评选"));
        body.put("level", "COUNTY");
        body.put("awardGrade", "FIRST");
        body.put("publishedOn", publishedOn().toString());
        return body;
    }

    Map<String, Object> competitionResult(String teacherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", teacherId);
        body.put("competition", "全县初中数学优质课评选");
        body.put("kind", "QUALITY_LESSON");
        body.put("level", "COUNTY");
        body.put("result", "SECOND");
        body.put("heldOn", clock.today().minusDays(40).toString());
        return body;
    }

    @Test
    void anAwardedPaperIsStoredAndPublishedKeyedByItsMainAuthor() {
        Map<String, Object> paper = awardedPaper("t-pap-author", "t-pap-co");
        Http.Reply reply = http.post("/api/activities/papers", coauthor, paper);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith("/api/activities/papers/" + id);
        assertThat(reply.json().get("mainAuthorId").asString()).isEqualTo("t-pap-author");
        assertThat(reply.json().get("authorNames").get(1).asString()).isEqualTo("吴刚");
        assertThat(reply.json().get("outlet").get("type").asString()).isEqualTo("AWARD");

        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo("t-pap-author");
        assertThat(record.value().getType()).isEqualTo(EventTypes.PAPER_RECORDED.name());
        byte[] data = record.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.PAPER_RECORDED.name(), data)).isEmpty();
        assertThat(new String(data, StandardCharsets.UTF_8))
                .contains("\"authorIds\":[\"t-pap-author\",\"t-pap-co\"]").contains("\"awardGrade\":\"FIRST\"")
                .contains("\"publishedOn\":\"" + paper.get("publishedOn") + "\"")
                .contains("\"schoolId\":\"" + SCHOOL + "\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection("papers")
                .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                .isEqualTo(false));
        assertThat(http.get("/api/activities/papers/" + id, author).status()).isEqualTo(200);
    }

    @Test
    void aJournalPaperHasNoAwardGradeInItsEvent() {
        Map<String, Object> body = awardedPaper("t-pap-author");
        body.put("kind", "CASE");
        body.put("outlet", Map.of("type", "JOURNAL", "name", "中学数学教学参考"));
        body.put("level", "PROVINCE");
        body.remove("awardGrade");

        Http.Reply reply = http.post("/api/activities/papers", school, body);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(TestEvents.schemaViolations(EventTypes.PAPER_RECORDED.name(),
                record.value().getData().toBytes())).isEmpty();
        assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"awardGrade\":null").contains("\"outletType\":\"JOURNAL\"");
    }

    @Test
    void aCompetitionResultIsStoredAndPublishedKeyedByTheTeacher() {
        Http.Reply reply = http.post("/api/activities/competition-results", school, competitionResult("t-pap-co"));

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith("/api/activities/competition-results/" + id);
        assertThat(reply.json().get("teacherName").asString()).isEqualTo("吴刚");
        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo("t-pap-co");
        assertThat(record.value().getType()).isEqualTo(EventTypes.COMPETITION_RESULT_RECORDED.name());
        assertThat(TestEvents.schemaViolations(EventTypes.COMPETITION_RESULT_RECORDED.name(),
                record.value().getData().toBytes())).isEmpty();
        assertThat(http.get("/api/activities/competition-results/" + id, coauthor).json().get("result").asString())
                .isEqualTo("SECOND");
    }

    @Test
    void theAwardGradeMustMatchTheOutletAndDatesMayNotBeInTheFuture() {
        long before = database.getCollection("papers").countDocuments();
        Map<String, Object> noGrade = awardedPaper("t-pap-author");
        noGrade.remove("awardGrade");
        Http.Reply missing = http.post("/api/activities/papers", author, noGrade);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("awardGrade");
        assertThat(missing.json().get("errors").get(0).get("messageZh").asString()).contains("获奖等级");

        Map<String, Object> journal = awardedPaper("t-pap-author");
        journal.put("outlet", Map.of("type", "JOURNAL", "name", "中学数学教学参考"));
        Http.Reply graded = http.post("/api/activities/papers", author, journal);
        assertThat(graded.status()).isEqualTo(400);
        assertThat(graded.json().get("errors").findValuesAsString("field")).containsExactly("awardGrade");

        Map<String, Object> future = awardedPaper("t-pap-author");
        future.put("publishedOn", clock.today().plusDays(3).toString());
        Http.Reply later = http.post("/api/activities/papers", author, future);
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("errors").get(0).get("field").asString()).isEqualTo("publishedOn");

        Map<String, Object> futureCompetition = competitionResult("t-pap-author");
        futureCompetition.put("heldOn", clock.today().plusDays(3).toString());
        Http.Reply laterCompetition = http.post("/api/activities/competition-results", author, futureCompetition);
        assertThat(laterCompetition.status()).isEqualTo(400);
        assertThat(laterCompetition.json().get("errors").get(0).get("field").asString()).isEqualTo("heldOn");

        Map<String, Object> bad = awardedPaper("t-pap-author");
        bad.remove("title");
        bad.put("authorIds", List.of());
        bad.put("level", "GALAXY");
        Http.Reply invalid = http.post("/api/activities/papers", author, bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
        bad.put("level", "COUNTY");
        Http.Reply blank = http.post("/api/activities/papers", school, bad);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsString("field")).contains("title", "authorIds");
        assertThat(blank.json().get("errors").get(0).get("messageZh").asString()).containsPattern("[\\u4e00-\\u9fa5]");

        Map<String, Object> noResult = competitionResult("t-pap-author");
        noResult.remove("result");
        Http.Reply competition = http.post("/api/activities/competition-results", author, noResult);
        assertThat(competition.status()).isEqualTo(400);
        assertThat(competition.json().get("errors").findValuesAsString("field")).contains("result");

        assertThat(database.getCollection("papers").countDocuments()).isEqualTo(before);
    }

    @Test
    void authorsMustBeOfTheCallersSchoolAndTeachersRecordOnlyTheirOwn() {
        Http.Reply farAuthor = http.post("/api/activities/papers", school, awardedPaper("t-pap-author", "t-pap-far"));
        assertThat(farAuthor.status()).isEqualTo(422);
        assertThat(farAuthor.json().get("code").asString()).isEqualTo("teacher-not-in-school");
        assertThat(farAuthor.json().get("errors").get(0).get("field").asString()).isEqualTo("authorIds[1]");
        assertThat(http.post("/api/activities/competition-results", school, competitionResult("t-pap-far")).status())
                .isEqualTo(422);

        Http.Reply forColleague = http.post("/api/activities/papers", author, awardedPaper("t-pap-co"));
        assertThat(forColleague.status()).isEqualTo(403);
        assertThat(forColleague.isProblem()).isTrue();
        assertThat(http.post("/api/activities/competition-results", author, competitionResult("t-pap-co")).status())
                .isEqualTo(403);
        assertThat(http.post("/api/activities/papers", TestTokens.bureau(DISTRICT), awardedPaper("t-pap-author"))
                .status()).isEqualTo(403);
    }

    @Test
    void listsAreScopedByTenancyAndRole() {
        String mine = http.post("/api/activities/papers", author, awardedPaper("t-pap-author")).json().get("id").asString();
        String theirs = http.post("/api/activities/papers", school, awardedPaper("t-pap-co")).json().get("id").asString();
        String result = http.post("/api/activities/competition-results", school, competitionResult("t-pap-co"))
                .json().get("id").asString();

        assertThat(http.get("/api/activities/papers/" + theirs, author).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/papers/" + mine, otherSchool).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/papers/pap-missing", school).status()).isEqualTo(404);
        assertThat(http.get("/api/activities/competition-results/" + result, author).status()).isEqualTo(403);

        assertThat(http.get("/api/activities/papers?size=200", author).json().get("items").findValuesAsString("id"))
                .contains(mine).doesNotContain(theirs);
        assertThat(http.get("/api/activities/papers?teacherId=t-pap-co&size=200", school).json().get("items")
                .findValuesAsString("id")).contains(theirs).doesNotContain(mine);
        LocalDate published = publishedOn();
        assertThat(http.get("/api/activities/papers?level=COUNTY&kind=PAPER&from=" + published.minusDays(14) + "&to="
                + published.plusDays(17) + "&size=200", TestTokens.township(DISTRICT, TOWNSHIP)).json().get("items")
                .findValuesAsString("id"))
                .contains(mine, theirs);
        assertThat(http.get("/api/activities/papers?level=NATIONAL", school).json().get("total").asLong()).isZero();
        assertThat(http.get("/api/activities/papers?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong())
                .isZero();
        assertThat(http.get("/api/activities/competition-results?schoolId=" + SCHOOL, otherSchool).json().get("total")
                .asLong()).isZero();
        assertThat(http.get("/api/activities/competition-results?kind=QUALITY_LESSON&size=200",
                TestTokens.bureau(DISTRICT)).json().get("items").findValuesAsString("id")).contains(result);
        assertThat(http.get("/api/activities/competition-results?size=200", author).json().get("items")
                .findValuesAsString("teacherId")).containsOnly("t-pap-author");
        assertThat(http.get("/api/activities/papers?kind=NOVEL", school).status()).isEqualTo(400);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneRecordAndOneEvent() {
        Map<String, String> key = Map.of("Idempotency-Key", "paper-" + System.nanoTime());
        Http.Reply first = http.post("/api/activities/papers", author, awardedPaper("t-pap-author"), key);
        Http.Reply again = http.post("/api/activities/papers", author, awardedPaper("t-pap-author"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(database.getCollection("papers").countDocuments(
                new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
        activityTopic.await(r -> r.value() != null && id.equals(r.value().getSubject()));
        assertThat(activityTopic.all(r -> r.value() != null && id.equals(r.value().getSubject()))).hasSize(1);

        Map<String, String> competitionKey = Map.of("Idempotency-Key", "cmp-" + System.nanoTime());
        String cmp = http.post("/api/activities/competition-results", school, competitionResult("t-pap-author"),
                competitionKey).json().get("id").asString();
        assertThat(http.post("/api/activities/competition-results", school, competitionResult("t-pap-author"),
                competitionKey).json().get("id").asString()).isEqualTo(cmp);
        Map<String, Object> changed = competitionResult("t-pap-author");
        changed.put("result", "FIRST");
        assertThat(http.post("/api/activities/competition-results", school, changed, competitionKey).status())
                .isEqualTo(409);
    }
}
