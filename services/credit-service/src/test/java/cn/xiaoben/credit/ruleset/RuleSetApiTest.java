package cn.xiaoben.credit.ruleset;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
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

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleSetApiTest {

    static final String DISTRICT = "dst-rules";
    static final String SMALL_RULES = """
            name: 测试县学时规则
            hoursPerCredit: 6
            categories:
              - {code: session, nameZh: 校本研修活动, required: true}
              - {code: lesson-observation, nameZh: 听课评课, required: true, yearlyCap: 15}
            rules:
              - {id: observation.observer, fact: LESSON_OBSERVED, role: OBSERVER, category: lesson-observation,
                 amount: {type: DURATION, hoursPerUnit: 1.0, unitMinutes: 45}}
              - {id: session.participant, fact: ATTENDANCE_RECORDED, role: PARTICIPANT, category: session,
                 amount: {type: DURATION, hoursPerUnit: 1.0, unitMinutes: 40}}
            requirements:
              - {id: yearly, nameZh: 每学年不少于24学时, period: YEAR, hours: 24, requiredContentHours: 12}
            """;

    @LocalServerPort
    int port;
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    MongoDatabase database;

    Http http;
    TopicRecorder creditTopic;
    final String bureau = TestTokens.bureau(DISTRICT);

    @BeforeAll
    void start() {
        http = Http.local(port);
        creditTopic = new TopicRecorder(brokers, Topics.CREDIT);
    }

    @AfterAll
    void close() {
        creditTopic.close();
    }

    @Test
    void beforeTheBureauPublishesAnythingTheDefaultRulesAreInForceForEveryone() {
        Http.Reply reply = http.get("/api/credits/rule-sets/2027-2028", TestTokens.teacher(DISTRICT, "tsp-1", "sch-1", "t-1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode set = reply.json();
        assertThat(set.get("status").asString()).isEqualTo("DEFAULT");
        assertThat(set.get("version").asInt()).isZero();
        JsonNode observation = StreamSupport.stream(set.get("ruleSet").get("categories").spliterator(), false)
                .filter(c -> "lesson-observation".equals(c.get("code").asString())).findFirst().orElseThrow();
        assertThat(observation.get("yearlyCap").decimalValue()).isEqualByComparingTo("20");
        assertThat(set.get("ruleSet").get("requirements").get(0).get("hours").decimalValue()).isEqualByComparingTo("24");
    }

    @Test
    void aDraftIsSavedOnceThenPublishedWithItsEventAndIsInForce() {
        String year = "2026-2027";
        Http.Reply saved = http.postRaw("/api/credits/rule-sets/" + year, bureau, "application/yaml", SMALL_RULES);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("status").asString()).isEqualTo("DRAFT");
        int version = saved.json().get("version").asInt();
        assertThat(saved.header("Location")).endsWith("/api/credits/rule-sets/" + year + "/versions/" + version);

        Http.Reply again = http.postRaw("/api/credits/rule-sets/" + year, bureau, "application/yaml", SMALL_RULES);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-Unchanged")).isEqualTo("true");
        assertThat(again.json().get("version").asInt()).isEqualTo(version);
        assertThat(http.get("/api/credits/rule-sets/" + year + "/versions", bureau).json()).hasSize(1);
        // a draft is not in force
        assertThat(http.get("/api/credits/rule-sets/" + year, bureau).json().get("status").asString()).isEqualTo("DEFAULT");

        Http.Reply published = http.post("/api/credits/rule-sets/" + year + "/versions/" + version + "/publish", bureau, Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        // other test classes of the shared context publish rules of their own districts
        ConsumerRecord<String, CloudEvent> record = creditTopic.await(r -> r.value() != null
                && EventTypes.CREDIT_RULES_PUBLISHED.name().equals(r.value().getType())
                && DISTRICT.equals(r.key()));
        assertThat(record.key()).isEqualTo(DISTRICT);
        byte[] data = record.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.CREDIT_RULES_PUBLISHED.name(), data)).isEmpty();
        assertThat(new String(data)).contains("\"version\":" + version).contains("\"rules\":2");

        JsonNode inForce = http.get("/api/credits/rule-sets/" + year, TestTokens.schoolSystem(DISTRICT, "tsp-1", "sch-1")).json();
        assertThat(inForce.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(inForce.get("version").asInt()).isEqualTo(version);
        assertThat(inForce.get("ruleSet").get("rules").get(1).get("amount").get("unitMinutes").asInt()).isEqualTo(40);

        Http.Reply twice = http.post("/api/credits/rule-sets/" + year + "/versions/" + version + "/publish", bureau, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("already-published");
    }

    @Test
    void anInvalidRuleSetIsRejectedWithEveryProblemListedAndNothingSaved() {
        String broken = """
                {"name": "坏规则", "hoursPerCredit": 6, "colour": "red",
                 "categories": [{"code": "session", "nameZh": "活动", "yearlyCap": -5},
                                {"code": "session", "nameZh": "重复"}],
                 "rules": [
                   {"id": "a", "fact": "LESSON_OBSERVED", "role": "OBSERVER", "category": "session",
                    "amount": {"type": "DURATION", "hoursPerUnit": 1, "unitMinutes": 45}},
                   {"id": "paper.x", "fact": "PAPER_RECORDED", "role": "READER", "category": "nowhere",
                    "amount": {"type": "DURATION", "hoursPerUnit": 1, "unitMinutes": 45}},
                   {"id": "comp.x", "fact": "COMPETITION_RESULT_RECORDED", "role": "CONTESTANT", "category": "session",
                    "amount": {"type": "BY_GRADE", "table": {"COUNTY": {"GOLD": 3}}}}],
                 "requirements": [{"id": "yearly", "nameZh": "每年", "period": "YEAR", "hours": 24, "requiredContentHours": 30}]}
                """;
        Http.Reply schemaErrors = http.postRaw("/api/credits/rule-sets/2028-2029", bureau, "application/json", broken);

        assertThat(schemaErrors.status()).isEqualTo(400);
        assertThat(schemaErrors.json().get("code").asString()).isEqualTo("invalid-rule-set");
        // the schema pass reports the unknown field, the negative cap and the too-short id together
        assertThat(fields(schemaErrors)).contains("colour", "categories[0].yearlyCap", "rules[0].id");
        assertThat(schemaErrors.json().get("errors").get(0).get("messageZh").asString()).isNotBlank();

        String semanticallyBroken = broken.replace("\"colour\": \"red\",", "").replace("-5", "5")
                .replace("\"id\": \"a\"", "\"id\": \"obs.a\"");
        Http.Reply semanticErrors = http.postRaw("/api/credits/rule-sets/2028-2029", bureau, "application/json",
                semanticallyBroken);
        assertThat(semanticErrors.status()).as(semanticErrors.body()).isEqualTo(400);
        assertThat(fields(semanticErrors)).containsExactlyInAnyOrder("categories[1].code", "rules[1].category",
                "rules[1].role", "rules[1].amount.type", "rules[2].amount.table.COUNTY.GOLD",
                "requirements[0].requiredContentHours");
        assertThat(database.getCollection("rule_sets").countDocuments(new Document("schoolYear", "2028-2029"))).isZero();
    }

    @Test
    void badRequestsAreClearProblems() {
        Http.Reply malformed = http.postRaw("/api/credits/rule-sets/2029-2030", bureau, "application/yaml", "name: [unclosed");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("malformed-rule-set");

        Http.Reply notBureau = http.postRaw("/api/credits/rule-sets/2029-2030",
                TestTokens.schoolSystem(DISTRICT, "tsp-1", "sch-1"), "application/yaml", SMALL_RULES);
        assertThat(notBureau.status()).isEqualTo(403);

        Http.Reply badYear = http.postRaw("/api/credits/rule-sets/2029", bureau, "application/yaml", SMALL_RULES);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");

        assertThat(http.postRaw("/api/credits/rule-sets/2029-2030", bureau, "text/plain", SMALL_RULES).status())
                .isEqualTo(415);
        assertThat(http.post("/api/credits/rule-sets/2029-2030/versions/7/publish", bureau, Map.of()).status())
                .isEqualTo(404);
        assertThat(database.getCollection("rule_sets").countDocuments(new Document("schoolYear", "2029-2030"))).isZero();
    }

    private static List<String> fields(Http.Reply reply) {
        return StreamSupport.stream(reply.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asString()).toList();
    }
}
