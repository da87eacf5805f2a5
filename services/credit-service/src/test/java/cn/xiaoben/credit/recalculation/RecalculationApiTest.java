package cn.xiaoben.credit.recalculation;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.LessonObserved;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A changed rule set for a year under way: the preview shows who gains and who loses, publishing applies exactly
 * that (revocations {@code rules-changed} + new revisions), and nothing changes a second time.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecalculationApiTest {

    static final String DISTRICT = "dst-rc", TOWNSHIP = "tsp-rc", SCHOOL = "sch-rc", YEAR = "2026-2027";
    static final String OBSERVER = "rc-observer", AUTHOR = "rc-author", MARKER = "rc-marker";
    static final List<String> TEACHERS = List.of(OBSERVER, AUTHOR, MARKER);

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
    final String bureau = TestTokens.bureau(DISTRICT);
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);

    @BeforeAll
    void directory() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        creditTopic = new TopicRecorder(brokers, Topics.CREDIT);
        Instant now = clock.instant();
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "云溪三中", "初中", now));
        for (String t : TEACHERS) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "教师" + t, "女", "语文", "g-1",
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

    static LessonObserved observation(String day) {
        return observation(OBSERVER, day);
    }

    static LessonObserved observation(String observer, String day) {
        return new LessonObserved("obs-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, observer, MARKER, "语文",
                "七年级", "春", OffsetDateTime.parse(day + "T09:00:00+08:00"), 45, Map.of("objectives", 90), "好课",
                TestClock.start());
    }

    static PaperRecorded paper() {
        return new PaperRecorded("pap-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, AUTHOR, List.of(AUTHOR),
                "群文阅读的实践研究", "PAPER", "AWARD", "县论文评比", "COUNTY", "FIRST", LocalDate.parse("2026-10-15"),
                List.of(), TestClock.start());
    }

    static ReadingNoteSubmitted readingNote() {
        return new ReadingNoteSubmitted("rdn-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, MARKER,
                "READING_NOTE", "读书笔记", "给教师的建议", "苏霍姆林斯基", "第1–20条", 1200, LocalDate.parse("2026-11-19"),
                List.of(), TestClock.start());
    }

    /** The default rules, changed: observations 1.5 per 45 min capped at 4 a year, a county first-prize paper 4. */
    static String changedRules() throws IOException {
        String text;
        try (InputStream in = RecalculationApiTest.class.getResourceAsStream("/rule-sets/default.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cap = "{code: lesson-observation, nameZh: 听课评课, required: true, yearlyCap: 20}";
        String rate = "amount: {type: DURATION, hoursPerUnit: 1.0, unitMinutes: 45}}";
        String county = "COUNTY: {PUBLISHED: 4, FIRST: 6,";
        assertThat(text).contains(cap, rate, county);
        text = text.replace(cap, "{code: lesson-observation, nameZh: 听课评课, required: true, yearlyCap: 4}");
        int observer = text.indexOf("observation.observer");
        int at = text.indexOf(rate, observer);
        text = text.substring(0, at) + "amount: {type: DURATION, hoursPerUnit: 1.5, unitMinutes: 45}}"
                + text.substring(at + rate.length());
        int main = text.indexOf("paper.main-author");
        at = text.indexOf(county, main);
        text = text.substring(0, at) + "COUNTY: {PUBLISHED: 4, FIRST: 4," + text.substring(at + county.length());
        return text;
    }

    JsonNode account(String teacherId) {
        return account(teacherId, YEAR);
    }

    JsonNode account(String teacherId, String year) {
        Http.Reply reply = http.get("/api/credits/teachers/" + teacherId + "?year=" + year, school);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    java.math.BigDecimal total(String teacherId) {
        return total(teacherId, YEAR);
    }

    java.math.BigDecimal total(String teacherId, String year) {
        JsonNode years = account(teacherId, year).get("years");
        return years.isEmpty() ? java.math.BigDecimal.ZERO : years.get(0).get("totalHours").decimalValue();
    }

    long ledger(Document filter) {
        return database.getCollection("ledger_entries").countDocuments(filter);
    }

    long everything() {
        Document mine = new Document("districtId", DISTRICT);
        return ledger(mine) + database.getCollection("credit_declines").countDocuments(mine);
    }

    JsonNode teacher(JsonNode preview, String teacherId) {
        for (JsonNode t : preview.get("teachers")) {
            if (teacherId.equals(t.get("teacherId").asString())) {
                return t;
            }
        }
        throw new AssertionError(teacherId + " not in " + preview);
    }

    @Test
    void aChangedRuleSetIsPreviewedThenAppliedExactlyOnce() throws IOException {
        List<LessonObserved> observations = new ArrayList<>();
        List<String> observationEventIds = new ArrayList<>();
        for (String day : List.of("2026-10-08", "2026-10-09", "2026-10-10")) {
            LessonObserved o = observation(day);
            observations.add(o);
            observationEventIds.add(events.publish(o));
        }
        events.publish(paper());
        await().atMost(Duration.ofSeconds(30)).until(() -> account(OBSERVER).get("entries").size() == 3
                && account(AUTHOR).get("entries").size() == 1);
        assertThat(total(OBSERVER)).isEqualByComparingTo("3.0");
        assertThat(total(AUTHOR)).isEqualByComparingTo("6.0");

        // the bureau saves a changed draft and previews it
        String rules = changedRules();
        Http.Reply saved = http.postRaw("/api/credits/rule-sets/" + YEAR, bureau, "application/yaml", rules);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        int version = saved.json().get("version").asInt();
        String versionPath = "/api/credits/rule-sets/" + YEAR + "/versions/" + version;

        Http.Reply forbidden = http.get(versionPath + "/preview", TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, OBSERVER));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(http.get(versionPath + "/preview", school).status()).isEqualTo(403);

        Http.Reply previewReply = http.get(versionPath + "/preview", bureau);
        assertThat(previewReply.status()).as(previewReply.body()).isEqualTo(200);
        JsonNode preview = previewReply.json();
        assertThat(preview.get("ruleSetId").asString()).isEqualTo(saved.json().get("id").asString());
        assertThat(preview.get("version").asInt()).isEqualTo(version);
        assertThat(preview.get("gainers").asInt()).isEqualTo(1);
        assertThat(preview.get("losers").asInt()).isEqualTo(1);
        assertThat(preview.get("changes").asInt()).isEqualTo(3);   // the capped third observation stays 1
        assertThat(preview.get("sourcesWithoutInputs").asInt()).isZero();
        assertThat(preview.get("netDelta").decimalValue()).isEqualByComparingTo("-1.0");
        // sorted by delta: the loser first
        assertThat(preview.get("teachers").get(0).get("teacherId").asString()).isEqualTo(AUTHOR);
        JsonNode observer = teacher(preview, OBSERVER);
        assertThat(observer.get("name").asString()).isEqualTo("教师" + OBSERVER);
        assertThat(observer.get("currentHours").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(observer.get("newHours").decimalValue()).isEqualByComparingTo("4.0");   // 1.5 + 1.5 + 1 (cap 4)
        assertThat(observer.get("delta").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(observer.get("changedSources").asInt()).isEqualTo(2);
        JsonNode author = teacher(preview, AUTHOR);
        assertThat(author.get("currentHours").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(author.get("newHours").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(author.get("delta").decimalValue()).isEqualByComparingTo("-2.0");
        // a preview writes nothing
        long before = everything();
        assertThat(total(OBSERVER)).isEqualByComparingTo("3.0");

        // publishing applies exactly the preview
        Http.Reply published = http.post(versionPath + "/publish", bureau, Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode applied = published.json().get("recalculation");
        assertThat(applied.get("changes").asInt()).isEqualTo(3);
        assertThat(applied.get("gainers").asInt()).isEqualTo(1);
        assertThat(applied.get("losers").asInt()).isEqualTo(1);
        assertThat(total(OBSERVER)).isEqualByComparingTo(observer.get("newHours").decimalValue());
        assertThat(total(AUTHOR)).isEqualByComparingTo(author.get("newHours").decimalValue());

        String ruleSetId = preview.get("ruleSetId").asString();
        Document byRecalculation = new Document("recalculatedBy", ruleSetId);
        assertThat(ledger(new Document(byRecalculation).append("kind", "award"))).isEqualTo(3);
        assertThat(ledger(new Document(byRecalculation).append("kind", "revocation")
                .append("reason", "rules-changed"))).isEqualTo(3);
        assertThat(everything()).isEqualTo(before + 6);
        JsonNode observerAccount = account(OBSERVER);
        assertThat(observerAccount.get("entries")).hasSize(7);   // 2 voided awards, 2 revocations, 2 new, 1 kept
        for (JsonNode e : observerAccount.get("entries")) {
            if ("award".equals(e.get("kind").asString()) && !e.get("voided").asBoolean()) {
                boolean kept = e.get("revision").asInt() == 1;
                assertThat(e.get("ruleSetId").asString()).isEqualTo(kept ? "default" : ruleSetId);
                assertThat(e.get("hours").decimalValue()).isEqualByComparingTo(kept ? "1.0" : "1.5");
            }
        }

        List<ConsumerRecord<String, CloudEvent>> revoked = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            revoked.clear();
            revoked.addAll(creditTopic.all(r -> r.value() != null
                    && EventTypes.CREDIT_REVOKED.name().equals(r.value().getType())
                    && TEACHERS.contains(r.key())
                    && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(ruleSetId)));
            return revoked.size() == 3;
        });
        for (ConsumerRecord<String, CloudEvent> r : revoked) {
            byte[] data = r.value().getData().toBytes();
            assertThat(TestEvents.schemaViolations(EventTypes.CREDIT_REVOKED.name(), data)).isEmpty();
            assertThat(new String(data, StandardCharsets.UTF_8)).contains("\"reason\":\"rules-changed\"",
                    "\"sourceId\":\"" + ruleSetId + "\"");
        }

        // nothing is left to do: recalculating, previewing again, saving the same draft change nothing
        long after = everything();
        Http.Reply again = http.post(versionPath + "/recalculate", bureau, Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("changes").asInt()).isZero();
        assertThat(http.get(versionPath + "/preview", bureau).json().get("changes").asInt()).isZero();
        Http.Reply sameDraft = http.postRaw("/api/credits/rule-sets/" + YEAR, bureau, "application/yaml", rules);
        assertThat(sameDraft.status()).isEqualTo(200);
        assertThat(sameDraft.header("X-Unchanged")).isEqualTo("true");
        assertThat(sameDraft.json().get("version").asInt()).isEqualTo(version);

        // replaying the same activity events changes nothing either
        for (int i = 0; i < observations.size(); i++) {
            events.publish(observations.get(i), observationEventIds.get(i));
        }
        events.publish(readingNote());   // a marker: once credited, the replays were consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> account(MARKER).get("entries").size() == 1);
        assertThat(everything()).isEqualTo(after + 1);
        assertThat(total(OBSERVER)).isEqualByComparingTo("4.0");
        assertThat(total(AUTHOR)).isEqualByComparingTo("4.0");
    }

    @Test
    void recalculatingIsTheBureausAndOnlyForTheVersionInForce() {
        String year = "2027-2028";
        Http.Reply teacher = http.post("/api/credits/rule-sets/" + YEAR + "/versions/1/recalculate",
                TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, OBSERVER), Map.of());
        assertThat(teacher.status()).isEqualTo(403);
        Http.Reply missing = http.get("/api/credits/rule-sets/" + year + "/versions/9/preview", bureau);
        assertThat(missing.status()).isEqualTo(404);
        Http.Reply draft = http.postRaw("/api/credits/rule-sets/" + year, bureau, "application/yaml",
                RecalculationPlannerTest.NEW_RULES);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Http.Reply notInForce = http.post("/api/credits/rule-sets/" + year + "/versions/"
                + draft.json().get("version").asInt() + "/recalculate", bureau, Map.of());
        assertThat(notInForce.status()).isEqualTo(409);
        assertThat(notInForce.json().get("code").asString()).isEqualTo("not-in-force");
        Http.Reply bad = http.get("/api/credits/rule-sets/2027/versions/1/preview", bureau);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aRecalculationInterruptedAfterVoidingIsFinishedByRecalculateAndOldDecisionsWithoutInputsAreCounted()
            throws IOException {
        String year = "2025-2026";
        events.publish(observation(OBSERVER, "2025-10-08"));
        events.publish(observation(OBSERVER, "2025-10-09"));
        events.publish(observation(AUTHOR, "2025-10-09"));
        await().atMost(Duration.ofSeconds(30)).until(() -> account(OBSERVER, year).get("entries").size() == 2
                && account(AUTHOR, year).get("entries").size() == 1);
        // a decision written before decisions kept their inputs
        database.getCollection("ledger_entries").updateOne(new Document("teacherId", AUTHOR)
                .append("schoolYear", year), new Document("$unset", new Document("inputs", "")));

        Http.Reply saved = http.postRaw("/api/credits/rule-sets/" + year, bureau, "application/yaml", changedRules());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String versionPath = "/api/credits/rule-sets/" + year + "/versions/" + saved.json().get("version").asInt();
        JsonNode preview = http.get(versionPath + "/preview", bureau).json();
        assertThat(preview.get("changes").asInt()).isEqualTo(2);
        assertThat(preview.get("sourcesWithoutInputs").asInt()).isEqualTo(1);
        assertThat(preview.get("gainers").asInt()).isEqualTo(1);
        assertThat(preview.get("losers").asInt()).isZero();
        Http.Reply published = http.post(versionPath + "/publish", bureau, Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("recalculation").get("changes").asInt()).isEqualTo(2);
        assertThat(published.json().get("recalculation").get("sourcesWithoutInputs").asInt()).isEqualTo(1);
        assertThat(total(OBSERVER, year)).isEqualByComparingTo("3.0");
        assertThat(total(AUTHOR, year)).isEqualByComparingTo("1.0");   // left as it was

        // a crash between voiding an award and writing its next revision
        Document rewritten = database.getCollection("ledger_entries").find(new Document("teacherId", OBSERVER)
                .append("schoolYear", year).append("kind", "award").append("revision", 2)).first();
        database.getCollection("ledger_entries").deleteOne(new Document("_id", rewritten.getString("_id")));
        assertThat(total(OBSERVER, year)).isEqualByComparingTo("1.5");

        assertThat(http.get(versionPath + "/preview", bureau).json().get("changes").asInt()).isEqualTo(1);
        Http.Reply finished = http.post(versionPath + "/recalculate", bureau, Map.of());
        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        assertThat(finished.json().get("changes").asInt()).isEqualTo(1);
        assertThat(total(OBSERVER, year)).isEqualByComparingTo("3.0");
        assertThat(database.getCollection("ledger_entries").countDocuments(
                new Document("_id", rewritten.getString("_id")))).isEqualTo(1);   // the same deterministic id
        assertThat(database.getCollection("ledger_entries").countDocuments(new Document("teacherId", OBSERVER)
                .append("schoolYear", year).append("kind", "revocation"))).isEqualTo(2);
        assertThat(http.post(versionPath + "/recalculate", bureau, Map.of()).json().get("changes").asInt()).isZero();
    }
}
