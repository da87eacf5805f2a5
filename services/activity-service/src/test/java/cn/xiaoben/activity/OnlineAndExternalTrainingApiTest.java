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

import java.math.BigDecimal;
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
class OnlineAndExternalTrainingApiTest {

    static final String DISTRICT = "dst-oet", TOWNSHIP = "tsp-oet", SCHOOL = "sch-oet-a", OTHER_SCHOOL = "sch-oet-b";
    static final String LEARNER = "t-oet-1", COLLEAGUE = "t-oet-2", FAR = "t-oet-far";
    static final String ONLINE = "/api/activities/online-studies", EXTERNAL = "/api/activities/external-trainings";

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
    Uploads uploads;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);
    final String learner = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, LEARNER);
    final String colleague = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, COLLEAGUE);
    String certificate;
    String otherSchoolsFile;

    /** Today in China on the service's clock, read when needed (a test of the same context may have moved it). */
    LocalDate today() {
        return clock.today();
    }

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        uploads = new Uploads(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关八中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关九中", "初中", now));
            events.publish(new TeacherRegistered(LEARNER, DISTRICT, TOWNSHIP, SCHOOL, "林芳", "女", "英语", "g-o1", "一级教师", 1988, now));
            events.publish(new TeacherRegistered(COLLEAGUE, DISTRICT, TOWNSHIP, SCHOOL, "高峰", "男", "物理", "g-o2", "二级教师", 1993, now));
            events.publish(new TeacherRegistered(FAR, DISTRICT, TOWNSHIP, OTHER_SCHOOL, "孙悦", "女", "语文", "g-o3", "一级教师", 1990, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher(LEARNER).isPresent()
                && directory.teacher(COLLEAGUE).isPresent() && directory.teacher(FAR).isPresent());
        certificate = uploads.upload(learner, "证书.pdf", "application/pdf", Uploads.pdf()).json().get("id").asString();
        otherSchoolsFile = uploads.upload(otherSchool, "other.pdf", "application/pdf", Uploads.pdf()).json().get("id")
                .asString();
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    Map<String, Object> onlineStudy(String teacherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", teacherId);
        body.put("platform", "国家中小学智慧教育平台");
        body.put("course", "大单元教学设计与实施");
        body.put("hours", new BigDecimal("12.5"));
        body.put("completedOn", today().minusDays(3).toString());
        body.put("certificateAttachmentIds", List.of(certificate));
        return body;
    }

    Map<String, Object> externalTraining(String teacherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", teacherId);
        body.put("kind", "TRAINING");
        body.put("title", "国培计划（2026）初中英语骨干教师培训");
        body.put("organizer", "省教育厅");
        body.put("level", "NATIONAL");
        body.put("place", "省教育学院");
        body.put("startDate", today().minusDays(10).toString());
        body.put("endDate", today().minusDays(6).toString());
        body.put("hours", 40);
        body.put("certificateAttachmentIds", List.of(certificate));
        return body;
    }

    ConsumerRecord<String, CloudEvent> eventOf(String id) {
        return activityTopic.await(r -> r.value() != null && id.equals(r.value().getSubject()));
    }

    static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    List<PortfolioEntry> portfolioOf(String teacherId, String form) {
        return portfolio.stream().flatMap(s -> s.entries(teacherId, today().minusDays(30), today().plusDays(1)).stream())
                .filter(e -> e.form().equals(form)).toList();
    }

    /** Posts {@code body} changed by {@code change}; the answer must be 400 with {@code code} on {@code field}. */
    void refused(String path, String token, Map<String, Object> body, Consumer<Map<String, Object>> change,
                 int status, String code, String field) {
        Map<String, Object> bad = new HashMap<>(body);
        change.accept(bad);
        Http.Reply reply = http.post(path, token, bad);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("code").asString()).as(reply.body()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().get("errors").findValuesAsString("field")).as(reply.body()).contains(field);
            assertThat(reply.json().get("errors").get(0).get("messageZh").asString())
                    .containsPattern("[\\u4e00-\\u9fa5]");
        }
    }

    @Test
    void anOnlineStudyIsStoredPublishedKeyedByTheTeacherAndInTheirPortfolio() {
        Http.Reply reply = http.post(ONLINE, learner, onlineStudy(LEARNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith(ONLINE + "/" + id);
        assertThat(reply.json().get("teacherName").asString()).isEqualTo("林芳");
        assertThat(reply.json().get("hours").decimalValue()).isEqualByComparingTo("12.5");
        ConsumerRecord<String, CloudEvent> record = eventOf(id);
        assertThat(record.key()).isEqualTo(LEARNER);
        assertThat(record.value().getType()).isEqualTo(EventTypes.ONLINE_STUDY_RECORDED.name());
        assertThat(TestEvents.schemaViolations(EventTypes.ONLINE_STUDY_RECORDED.name(),
                record.value().getData().toBytes())).as(data(record)).isEmpty();
        assertThat(data(record)).contains("\"hours\":12.5", "\"platform\":\"国家中小学智慧教育平台\"",
                "\"certificateAttachmentIds\":[\"" + certificate + "\"]");

        assertThat(http.get(ONLINE + "/" + id, learner).json().get("course").asString()).isEqualTo("大单元教学设计与实施");
        assertThat(portfolioOf(LEARNER, "ONLINE_STUDY")).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.role()).isEqualTo("LEARNER");
            assertThat(e.path()).isEqualTo(ONLINE + "/" + id);
            assertThat(e.date()).isEqualTo(today().minusDays(3));
            assertThat(e.details()).containsEntry("platform", "国家中小学智慧教育平台");
        });
    }

    @Test
    void anExternalTrainingIsAClaimWithEvidencePublishedKeyedByTheTeacher() {
        Http.Reply reply = http.post(EXTERNAL, school, externalTraining(LEARNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith(EXTERNAL + "/" + id);
        assertThat(reply.json().get("approval").asString()).isEqualTo("CLAIMED");
        ConsumerRecord<String, CloudEvent> record = eventOf(id);
        assertThat(record.key()).isEqualTo(LEARNER);
        assertThat(record.value().getType()).isEqualTo(EventTypes.EXTERNAL_TRAINING_CLAIMED.name());
        assertThat(TestEvents.schemaViolations(EventTypes.EXTERNAL_TRAINING_CLAIMED.name(),
                record.value().getData().toBytes())).as(data(record)).isEmpty();
        assertThat(data(record)).contains("\"level\":\"NATIONAL\"", "\"kind\":\"TRAINING\"",
                "\"endDate\":\"" + today().minusDays(6) + "\"");

        assertThat(portfolioOf(LEARNER, "EXTERNAL_TRAINING")).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.role()).isEqualTo("CLAIMANT");
            assertThat(e.status()).isEqualTo("CLAIMED");
            assertThat(e.level()).isEqualTo("NATIONAL");
            assertThat(e.date()).isEqualTo(today().minusDays(10));
        });
        assertThat(http.get(EXTERNAL + "?kind=TRAINING&level=NATIONAL&size=200", TestTokens.bureau(DISTRICT)).json()
                .get("items").findValuesAsString("id")).contains(id);
        assertThat(http.get(EXTERNAL + "?level=CITY&size=200", school).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void badOnlineStudiesAreRefusedWithFieldErrorsAndNothingIsWritten() {
        long before = database.getCollection("online_studies").countDocuments();
        Map<String, Object> ok = onlineStudy(LEARNER);
        refused(ONLINE, learner, ok, b -> b.put("hours", new BigDecimal("1.3")), 400, "invalid-request", "hours");
        refused(ONLINE, learner, ok, b -> b.put("hours", 0), 400, "invalid-request", "hours");
        refused(ONLINE, learner, ok, b -> b.put("hours", 200.5), 400, "invalid-request", "hours");
        refused(ONLINE, learner, ok, b -> b.put("completedOn", today().plusDays(1).toString()), 400, "invalid-request",
                "completedOn");
        refused(ONLINE, learner, ok, b -> b.remove("course"), 400, "invalid-request", "course");
        refused(ONLINE, learner, ok, b -> b.put("certificateAttachmentIds", List.of("att-missing")), 422,
                "attachment-unknown", "certificateAttachmentIds[0]");
        refused(ONLINE, learner, ok, b -> b.put("certificateAttachmentIds", List.of(otherSchoolsFile)), 422,
                "attachment-not-in-school", "certificateAttachmentIds[0]");
        refused(ONLINE, school, ok, b -> b.put("teacherId", FAR), 422, "teacher-not-in-school", "teacherId");
        assertThat(database.getCollection("online_studies").countDocuments()).isEqualTo(before);
    }

    @Test
    void badExternalTrainingClaimsAreRefusedWithFieldErrorsAndNothingIsWritten() {
        long before = database.getCollection("external_trainings").countDocuments();
        Map<String, Object> ok = externalTraining(LEARNER);
        refused(EXTERNAL, learner, ok, b -> b.put("level", "SCHOOL"), 400, "invalid-request", "level");
        refused(EXTERNAL, learner, ok, b -> b.put("level", "TOWNSHIP"), 400, "invalid-request", "level");
        refused(EXTERNAL, learner, ok, b -> b.put("certificateAttachmentIds", List.of()), 400, "evidence-required",
                "certificateAttachmentIds");
        refused(EXTERNAL, learner, ok, b -> b.remove("certificateAttachmentIds"), 400, "evidence-required",
                "certificateAttachmentIds");
        refused(EXTERNAL, learner, ok, b -> b.put("endDate", today().minusDays(11).toString()), 400, "invalid-request",
                "endDate");
        refused(EXTERNAL, learner, ok, b -> b.put("endDate", today().plusDays(1).toString()), 400, "invalid-request",
                "endDate");
        refused(EXTERNAL, learner, ok, b -> b.put("hours", 500.5), 400, "invalid-request", "hours");
        refused(EXTERNAL, learner, ok, b -> b.put("hours", 7.25), 400, "invalid-request", "hours");
        refused(EXTERNAL, learner, ok, b -> b.put("hours", 130), 400, "invalid-request", "hours");
        refused(EXTERNAL, learner, ok, b -> b.put("kind", "HOLIDAY"), 400, "invalid-request", "kind");
        refused(EXTERNAL, learner, ok, b -> b.put("certificateAttachmentIds", List.of("att-missing")), 422,
                "attachment-unknown", "certificateAttachmentIds[0]");
        assertThat(database.getCollection("external_trainings").countDocuments()).isEqualTo(before);
    }

    @Test
    void teachersRecordAndReadOnlyTheirOwnAndOtherSchoolsAreOutOfScope() {
        assertThat(http.post(ONLINE, colleague, onlineStudy(LEARNER)).status()).isEqualTo(403);
        assertThat(http.post(EXTERNAL, colleague, externalTraining(LEARNER)).status()).isEqualTo(403);
        assertThat(http.post(ONLINE, TestTokens.bureau(DISTRICT), onlineStudy(LEARNER)).status()).isEqualTo(403);

        String study = http.post(ONLINE, learner, onlineStudy(LEARNER)).json().get("id").asString();
        String claim = http.post(EXTERNAL, learner, externalTraining(LEARNER)).json().get("id").asString();
        for (String path : List.of(ONLINE + "/" + study, EXTERNAL + "/" + claim)) {
            Http.Reply foreign = http.get(path, otherSchool);
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.isProblem()).isTrue();
            assertThat(http.get(path, colleague).status()).isEqualTo(403);
            assertThat(http.get(path, school).status()).isEqualTo(200);
            assertThat(http.get(path, TestTokens.township(DISTRICT, TOWNSHIP)).status()).isEqualTo(200);
        }
        assertThat(http.get(ONLINE + "/ost-missing", school).status()).isEqualTo(404);
        assertThat(http.get(ONLINE + "?size=200", colleague).json().get("items").findValuesAsString("id"))
                .doesNotContain(study);
        assertThat(http.get(ONLINE + "?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong()).isZero();
        assertThat(http.get(EXTERNAL + "?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong()).isZero();
        assertThat(http.get(ONLINE + "?teacherId=" + LEARNER + "&from=" + today().minusDays(5) + "&to=" + today()
                + "&size=200", school).json().get("items").findValuesAsString("id")).contains(study);
        assertThat(http.get(ONLINE + "?from=" + today().minusDays(2) + "&size=200", school).json().get("items")
                .findValuesAsString("id")).doesNotContain(study);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneRecordAndOneEvent() {
        for (String path : List.of(ONLINE, EXTERNAL)) {
            String collection = path.equals(ONLINE) ? "online_studies" : "external_trainings";
            Map<String, Object> body = path.equals(ONLINE) ? onlineStudy(LEARNER) : externalTraining(LEARNER);
            Map<String, String> key = Map.of("Idempotency-Key", "oet-" + System.nanoTime());
            Http.Reply first = http.post(path, learner, body, key);
            Http.Reply again = http.post(path, learner, body, key);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            String id = first.json().get("id").asString();
            assertThat(again.json().get("id").asString()).isEqualTo(id);
            assertThat(database.getCollection(collection).countDocuments(
                    new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
            eventOf(id);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection(collection)
                    .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                    .isEqualTo(false));
            assertThat(activityTopic.all(r -> r.value() != null && id.equals(r.value().getSubject()))).hasSize(1);
        }
    }
}
