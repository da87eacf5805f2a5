package cn.xiaoben.activity;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
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
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachingMaterialApiTest {

    static final String DISTRICT = "dst-tmt", TOWNSHIP = "tsp-tmt", SCHOOL = "sch-tmt-a", OTHER_SCHOOL = "sch-tmt-b";
    static final String AUTHOR = "t-tmt-1", COLLEAGUE = "t-tmt-2";
    static final String PATH = "/api/activities/teaching-materials";
    static final String COLLECTION = "teaching_materials";

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
    @Autowired
    List<PortfolioSource> portfolio;

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    final String author = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, AUTHOR);
    final String colleague = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, COLLEAGUE);
    String plans;
    String otherSchoolsFile;

    /** Today in China on the service's clock, read when needed (a test of the same context may have moved it). */
    LocalDate today() {
        return clock.today();
    }

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        Uploads uploads = new Uploads(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关十中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关十一中", "初中", now));
            events.publish(new TeacherRegistered(AUTHOR, DISTRICT, TOWNSHIP, SCHOOL, "宋佳", "女", "数学", "g-t1", "二级教师", 1997, now));
            events.publish(new TeacherRegistered(COLLEAGUE, DISTRICT, TOWNSHIP, SCHOOL, "唐明", "男", "数学", "g-t1", "一级教师", 1986, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(AUTHOR).isPresent()
                && directory.teacher(COLLEAGUE).isPresent());
        plans = uploads.upload(author, "教案.docx", null, Uploads.zip("[Content_Types].xml", "word/document.xml"))
                .json().get("id").asString();
        otherSchoolsFile = uploads.upload(otherSchool, "paper.pdf", "application/pdf", Uploads.pdf()).json().get("id")
                .asString();
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> material() {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", AUTHOR);
        body.put("kind", "LESSON_PLAN_SET");
        body.put("title", "七年级上册第三章《一元一次方程》全套教案");
        body.put("subject", "数学");
        body.put("grade", "七年级");
        body.put("submittedOn", today().toString());
        body.put("attachmentIds", List.of(plans));
        return body;
    }

    void refused(Map<String, Object> body, Consumer<Map<String, Object>> change, String token, int status,
                 String code, String field) {
        Map<String, Object> bad = new HashMap<>(body);
        change.accept(bad);
        Http.Reply reply = http.post(PATH, token, bad);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("code").asString()).as(reply.body()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().get("errors").findValuesAsString("field")).as(reply.body()).contains(field);
        }
    }

    @Test
    void aMaterialIsStoredPublishedKeyedByItsAuthorAndInTheirPortfolio() {
        Http.Reply reply = http.post(PATH, author, material());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith(PATH + "/" + id);
        assertThat(reply.json().get("teacherName").asString()).isEqualTo("宋佳");
        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo(AUTHOR);
        assertThat(record.value().getType()).isEqualTo(EventTypes.TEACHING_MATERIAL_SUBMITTED.name());
        String data = new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes()))
                .as(data).isEmpty();
        assertThat(data).contains("\"kind\":\"LESSON_PLAN_SET\"", "\"attachmentIds\":[\"" + plans + "\"]");

        List<PortfolioEntry> entries = portfolio.stream()
                .flatMap(s -> s.entries(AUTHOR, today(), today().plusDays(1)).stream())
                .filter(e -> e.form().equals("TEACHING_MATERIAL")).toList();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.role()).isEqualTo("AUTHOR");
            assertThat(e.details()).containsEntry("kind", "LESSON_PLAN_SET");
        });
        assertThat(http.get(PATH + "?kind=LESSON_PLAN_SET&subject=数学&size=200", school).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(http.get(PATH + "?kind=TEST_PAPER&size=200", school).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void badMaterialsAreRefusedWithFieldErrorsAndNothingIsWritten() {
        long before = database.getCollection(COLLECTION).countDocuments();
        Map<String, Object> ok = material();
        refused(ok, b -> b.put("attachmentIds", List.of()), author, 400, "evidence-required", "attachmentIds");
        refused(ok, b -> b.remove("attachmentIds"), author, 400, "evidence-required", "attachmentIds");
        refused(ok, b -> b.put("submittedOn", today().plusDays(1).toString()), author, 400, "invalid-request",
                "submittedOn");
        refused(ok, b -> b.put("kind", "NOVEL"), author, 400, "invalid-request", "kind");
        refused(ok, b -> b.remove("grade"), author, 400, "invalid-request", "grade");
        refused(ok, b -> b.put("attachmentIds", List.of("att-missing")), author, 422, "attachment-unknown",
                "attachmentIds[0]");
        refused(ok, b -> b.put("attachmentIds", List.of(otherSchoolsFile)), author, 422, "attachment-not-in-school",
                "attachmentIds[0]");
        refused(ok, b -> { }, colleague, 403, "out-of-scope", null);
        assertThat(database.getCollection(COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void teachersReadOnlyTheirOwnAndOtherSchoolsAreOutOfScope() {
        String id = http.post(PATH, school, material()).json().get("id").asString();
        assertThat(http.get(PATH + "/" + id, author).status()).isEqualTo(200);
        assertThat(http.get(PATH + "/" + id, colleague).status()).isEqualTo(403);
        assertThat(http.get(PATH + "/" + id, otherSchool).status()).isEqualTo(403);
        assertThat(http.get(PATH + "/" + id, TestTokens.bureau(DISTRICT)).status()).isEqualTo(200);
        assertThat(http.get(PATH + "/tmt-missing", school).status()).isEqualTo(404);
        assertThat(http.get(PATH + "?size=200", colleague).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(http.get(PATH + "?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneMaterial() {
        Map<String, String> key = Map.of("Idempotency-Key", "tmt-" + System.nanoTime());
        Http.Reply first = http.post(PATH, author, material(), key);
        Http.Reply again = http.post(PATH, author, material(), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(database.getCollection(COLLECTION).countDocuments(
                new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
        activityTopic.await(r -> r.value() != null && id.equals(r.value().getSubject()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection(COLLECTION)
                .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                .isEqualTo(false));
        assertThat(activityTopic.all(r -> r.value() != null && id.equals(r.value().getSubject()))).hasSize(1);
    }
}
