package cn.xiaoben.activity.research;

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
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchProjectApiTest {

    static final String DISTRICT = "dst-rp", TOWNSHIP = "tsp-rp", SCHOOL = "sch-rp-a", OTHER_SCHOOL = "sch-rp-b";
    static final String LEADER = "t-rp-lead", MEMBER = "t-rp-m1", MEMBER2 = "t-rp-m2", FAR = "t-rp-far";

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
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关六中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关七中", "初中", now));
            events.publish(new TeacherRegistered(LEADER, DISTRICT, TOWNSHIP, SCHOOL, "周敏", "女", "数学", "g-rp1", "高级教师", 1978, now));
            events.publish(new TeacherRegistered(MEMBER, DISTRICT, TOWNSHIP, SCHOOL, "吴刚", "男", "数学", "g-rp1", "一级教师", 1986, now));
            events.publish(new TeacherRegistered(MEMBER2, DISTRICT, TOWNSHIP, SCHOOL, "郑洁", "女", "数学", "g-rp1", "二级教师", 1994, now));
            events.publish(new TeacherRegistered(FAR, DISTRICT, TOWNSHIP, OTHER_SCHOOL, "冯涛", "男", "数学", "g-rp2", "一级教师", 1989, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(LEADER).isPresent()
                && directory.teacher(MEMBER).isPresent() && directory.teacher(MEMBER2).isPresent()
                && directory.teacher(FAR).isPresent());
    }

    /** Today in China on the service's clock, read when needed (a test of the same context may have moved it). */
    LocalDate today() {
        return clock.today();
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> project(String title, List<String> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("level", "COUNTY");
        body.put("subject", "数学");
        body.put("leaderId", LEADER);
        body.put("memberIds", members);
        body.put("appliedOn", today().minusDays(120).toString());
        return body;
    }

    String registered(String title) {
        Http.Reply reply = http.post("/api/activities/research-projects", school, project(title, List.of(MEMBER, MEMBER2)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    Http.Reply advance(String id, String stage, LocalDate on) {
        return http.post("/api/activities/research-projects/" + id + "/stages", school,
                Map.of("stage", stage, "on", on.toString(), "note", stage + " 材料已提交"));
    }

    static Predicate<ConsumerRecord<String, CloudEvent>> of(String type, String projectId) {
        return r -> r.value() != null && type.equals(r.value().getType()) && projectId.equals(r.value().getSubject());
    }

    static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    static void schemaValid(ConsumerRecord<String, CloudEvent> record) {
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes()))
                .as(data(record)).isEmpty();
    }

    @Test
    void aProjectGoesFromApplicationToConclusionPublishingEachStepKeyedByItsLeader() {
        String id = registered("初中数学单元整体教学的实践研究");
        ConsumerRecord<String, CloudEvent> registered = activityTopic.await(
                of(EventTypes.RESEARCH_PROJECT_REGISTERED.name(), id));
        assertThat(registered.key()).isEqualTo(LEADER);
        schemaValid(registered);

        List<String> stages = List.of("APPROVED", "OPENED", "MIDTERM", "CONCLUDED");
        for (int i = 0; i < stages.size(); i++) {
            Http.Reply reply = advance(id, stages.get(i), today().minusDays(90 - 30L * i));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("stage").asString()).isEqualTo(stages.get(i));
            assertThat(reply.json().get("version").asLong()).isEqualTo(i + 2);
        }
        JsonNode project = http.get("/api/activities/research-projects/" + id, school).json();
        assertThat(project.get("stage").asString()).isEqualTo("CONCLUDED");
        assertThat(project.get("stageZh").asString()).isEqualTo("结题");
        assertThat(project.get("stages")).hasSize(5);
        assertThat(project.get("leaderName").asString()).isEqualTo("周敏");

        Map<String, ConsumerRecord<String, CloudEvent>> byStage = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            activityTopic.all(of(EventTypes.RESEARCH_PROJECT_ADVANCED.name(), id)).forEach(r ->
                    byStage.put(data(r).replaceAll(".*\"toStage\":\"([A-Z]+)\".*", "$1"), r));
            return byStage.size() == 4;
        });
        assertThat(byStage).containsOnlyKeys(stages);
        byStage.values().forEach(r -> {
            assertThat(r.key()).isEqualTo(LEADER);
            schemaValid(r);
        });
        assertThat(data(byStage.get("CONCLUDED"))).contains("\"fromStage\":\"MIDTERM\"", "\"level\":\"COUNTY\"",
                "\"memberIds\":[\"" + MEMBER + "\",\"" + MEMBER2 + "\"]", "\"on\":\"" + today() + "\"");

        Http.Reply afterEnd = advance(id, "CONCLUDED", today());
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.json().get("code").asString()).isEqualTo("stage-out-of-order");

        JsonNode byMember = http.get("/api/activities/research-projects?teacherId=" + MEMBER2 + "&stage=CONCLUDED",
                school).json();
        assertThat(byMember.get("items").valueStream().map(p -> p.get("id").asString())).contains(id);
        JsonNode asMember = http.get("/api/activities/research-projects",
                TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, MEMBER)).json();
        assertThat(asMember.get("items").valueStream().map(p -> p.get("id").asString())).contains(id);
    }

    @Test
    void skippingOrGoingBackIsAConflictNamingTheNextStageAndWritesNothing() {
        String id = registered("小学语文整本书阅读策略研究");
        assertThat(advance(id, "APPROVED", today().minusDays(100)).status()).isEqualTo(200);
        Document before = database.getCollection(ResearchProjects.COLLECTION).find(new Document("_id", id)).first();

        Http.Reply skip = advance(id, "MIDTERM", today().minusDays(50));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.isProblem()).isTrue();
        assertThat(skip.json().get("code").asString()).isEqualTo("stage-out-of-order");
        assertThat(skip.json().get("detail").asString()).contains("OPENED");
        assertThat(skip.json().get("detailZh").asString()).contains("开题");
        Http.Reply back = advance(id, "APPLIED", today().minusDays(50));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("code").asString()).isEqualTo("stage-out-of-order");

        Document after = database.getCollection(ResearchProjects.COLLECTION).find(new Document("_id", id)).first();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.getString("stage")).isEqualTo("APPROVED");
        assertThat(after.getList("stages", Document.class)).hasSize(2);
    }

    @Test
    void aFutureDateOrOneBeforeThePreviousStageIsABadRequest() {
        String id = registered("农村初中英语听说教学研究");
        Http.Reply future = advance(id, "APPROVED", today().plusDays(1));
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsString("field")).contains("on");
        Http.Reply beforeApplied = advance(id, "APPROVED", today().minusDays(121));
        assertThat(beforeApplied.status()).as(beforeApplied.body()).isEqualTo(400);
        Map<String, Object> body = project("未来申报", List.of());
        body.put("appliedOn", today().plusDays(1).toString());
        assertThat(http.post("/api/activities/research-projects", school, body).status()).isEqualTo(400);
        assertThat(http.get("/api/activities/research-projects/" + id, school).json().get("stage").asString())
                .isEqualTo("APPLIED");
    }

    @Test
    void aMemberFromAnotherSchoolIsRefusedAndAnotherSchoolCannotRead() {
        Http.Reply foreignMember = http.post("/api/activities/research-projects", school,
                project("跨校课题", List.of(MEMBER, FAR)));
        assertThat(foreignMember.status()).as(foreignMember.body()).isEqualTo(422);
        assertThat(foreignMember.json().get("code").asString()).isEqualTo("teacher-not-in-school");

        String id = registered("初中物理实验探究教学研究");
        assertThat(http.get("/api/activities/research-projects/" + id, otherSchool).status()).isEqualTo(403);
        assertThat(http.post("/api/activities/research-projects/" + id + "/stages", otherSchool,
                Map.of("stage", "APPROVED", "on", today().toString())).status()).isEqualTo(403);
        JsonNode othersList = http.get("/api/activities/research-projects?schoolId=" + SCHOOL, otherSchool).json();
        assertThat(othersList.get("total").asLong()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneProject() {
        Map<String, String> key = Map.of("Idempotency-Key", "rsp-" + System.nanoTime());
        Map<String, Object> body = project("信息技术与学科融合研究", List.of(MEMBER));
        Http.Reply first = http.post("/api/activities/research-projects", school, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Reply again = http.post("/api/activities/research-projects", school, body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(database.getCollection(ResearchProjects.COLLECTION).countDocuments(
                new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
    }
}
