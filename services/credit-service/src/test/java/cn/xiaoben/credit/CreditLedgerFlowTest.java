package cn.xiaoben.credit;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.LessonObserved;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditLedgerFlowTest {

    static final String DISTRICT = "dst-t", TOWNSHIP = "tsp-t", SCHOOL = "sch-a", OTHER = "sch-b";
    /** The bureau's rules for this class's district in 2026-2027: lesson observation capped at 3 学时 a year. */
    static final String CAPPED_AT_THREE = """
            name: 测试县学时规则（听课评课每年3学时）
            hoursPerCredit: 6
            categories:
              - {code: lesson-observation, nameZh: 听课评课, required: true, yearlyCap: 3}
            rules:
              - {id: observation.observer, fact: LESSON_OBSERVED, role: OBSERVER, category: lesson-observation,
                 amount: {type: DURATION, hoursPerUnit: 1.0, unitMinutes: 45}}
            requirements:
              - {id: yearly, nameZh: 每学年不少于24学时, period: YEAR, hours: 24}
            """;

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
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关一中", "初中", now));
        events.publish(new SchoolRegistered(OTHER, DISTRICT, TOWNSHIP, "城关二中", "初中", now));
        for (String t : List.of("t-1", "t-2", "t-3", "t-capped", "t-replay")) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "教师" + t, "女", "数学", "g-1",
                    "一级教师", 1985, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher("t-replay").isPresent());

        String bureau = TestTokens.bureau(DISTRICT);
        Http.Reply draft = http.postRaw("/api/credits/rule-sets/2026-2027", bureau, "application/yaml",
                CAPPED_AT_THREE);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Http.Reply published = http.post("/api/credits/rule-sets/2026-2027/versions/"
                + draft.json().get("version").asInt() + "/publish", bureau, Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @AfterAll
    void close() {
        events.close();
        creditTopic.close();
    }

    static LessonObserved observation(String observer, String observed, String at, int minutes) {
        return new LessonObserved("obs-" + UUID.randomUUID(), DISTRICT, TOWNSHIP, SCHOOL, observer, observed, "数学",
                "七年级", "一元一次方程", OffsetDateTime.parse(at), minutes,
                Map.of("objectives", 90, "content", 85, "method", 88, "engagement", 80, "effect", 86,
                        "basicSkills", 90), "好课", TestClock.start());
    }

    JsonNode account(String teacherId) {
        Http.Reply reply = http.get("/api/credits/teachers/" + teacherId, school);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void anObservationCreditsTheObserverWithAnEntryThatNamesItsSource() {
        LessonObserved observed = observation("t-1", "t-2", "2026-11-20T09:00:00+08:00", 45);
        String eventId = events.publish(observed);

        await().atMost(Duration.ofSeconds(20)).until(() -> account("t-1").get("entries").size() == 1);
        JsonNode account = account("t-1");
        JsonNode entry = account.get("entries").get(0);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(entry.get("schoolYear").asString()).isEqualTo("2026-2027");
        assertThat(entry.get("category").asString()).isEqualTo("lesson-observation");
        assertThat(entry.get("source").get("id").asString()).isEqualTo(observed.observationId());
        assertThat(entry.get("source").get("eventId").asString()).isEqualTo(eventId);
        assertThat(account.get("years").get(0).get("totalHours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(account("t-2").get("entries")).isEmpty();

        ConsumerRecord<String, CloudEvent> awarded = creditTopic.await(r -> r.value() != null
                && entry.get("entryId").asString().equals(r.value().getSubject()));
        assertThat(awarded.key()).isEqualTo("t-1");
        assertThat(awarded.value().getType()).isEqualTo(EventTypes.CREDIT_AWARDED.name());
        assertThat(TestEvents.schemaViolations(EventTypes.CREDIT_AWARDED.name(), awarded.value().getData().toBytes()))
                .isEmpty();
    }

    @Test
    void theYearlyCapOfThePublishedRuleSetStopsAwardsAndRecordsWhyNot() {
        for (int day = 10; day < 15; day++) {
            events.publish(observation("t-capped", "t-2", "2026-10-" + day + "T09:00:00+08:00", 45));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> account("t-capped").get("declined").asInt() == 2);
        JsonNode account = account("t-capped");
        assertThat(account.get("entries")).hasSize(3);
        assertThat(account.get("years").get(0).get("byCategory").get("lesson-observation").get("hours")
                .decimalValue()).isEqualByComparingTo("3.0");
        assertThat(account.get("declines").get(0).get("reason").asString()).isEqualTo("cap-reached");
        assertThat(account.get("declines").get(0).get("ruleSetId").asString()).isEqualTo("rs-dst-t-2026-2027-v1");
        assertThat(account.get("entries").get(0).get("ruleSetVersion").asInt()).isEqualTo(1);
    }

    @Test
    void replayingTheWholeHistoryTwiceChangesNothing() {
        List<LessonObserved> history = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= 2; day++) {
            LessonObserved o = observation("t-replay", "t-3", "2026-09-0" + day + "T10:00:00+08:00", 45);
            history.add(o);
            ids.add(events.publish(o));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> account("t-replay").get("entries").size() == 2);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < history.size(); i++) {
                events.publish(history.get(i), ids.get(i));
            }
        }
        // a marker event published after the replays: once it is credited, the replays have been consumed too
        LessonObserved marker = observation("t-replay", "t-3", "2026-09-03T10:00:00+08:00", 45);
        events.publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> account("t-replay").get("entries").size() >= 3);

        JsonNode account = account("t-replay");
        assertThat(account.get("entries")).hasSize(3);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode e : account.get("entries")) {
            sum = sum.add(e.get("hours").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("3.0");
        assertThat(account.get("years").get(0).get("totalHours").decimalValue()).isEqualByComparingTo(sum);
        assertThat(database.getCollection("ledger_entries").countDocuments(new Document("teacherId", "t-replay")))
                .isEqualTo(3);
    }

    @Test
    void accountsAreReadableOnlyWithinReach() {
        assertThat(http.get("/api/credits/teachers/t-1", TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER))
                .status()).isEqualTo(403);
        assertThat(http.get("/api/credits/teachers/t-1", TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-2"))
                .status()).isEqualTo(403);
        assertThat(http.get("/api/credits/teachers/t-1", TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-1"))
                .status()).isEqualTo(200);
        assertThat(http.get("/api/credits/teachers/t-1", TestTokens.township(DISTRICT, TOWNSHIP)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/credits/teachers/t-1", TestTokens.township(DISTRICT, "tsp-other")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/credits/teachers/t-1", null).status()).isEqualTo(401);
        assertThat(http.get("/api/credits/teachers/t-nobody", school).status()).isEqualTo(404);
        Http.Reply badYear = http.get("/api/credits/teachers/t-1?year=2026", school);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
    }
}
