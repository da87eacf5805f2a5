package cn.xiaoben.credit.claim;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.activity.ExternalTrainingClaimed;
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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Credit claims through the SCHOOL → COUNTY chain: waiting times, awards on final approval, rejections, bad input. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditClaimApiTest {

    static final String DISTRICT = "dst-cl", TOWNSHIP = "tsp-cl", SCHOOL = "sch-cl", OTHER_SCHOOL = "sch-cl2";
    static final List<String> TEACHERS = List.of("cl-direct", "cl-auto", "cl-rejected", "cl-noevid", "cl-scope",
            "cl-idem");
    static final String DATE = "2026-11-10";

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
    final String schoolAdmin = TestTokens.sign(Map.of("district_id", DISTRICT, "township_id", TOWNSHIP,
            "school_id", SCHOOL, "roles", List.of("SCHOOL_ADMIN")), "admin-" + SCHOOL);
    final String otherSchoolAdmin = TestTokens.sign(Map.of("district_id", DISTRICT, "township_id", TOWNSHIP,
            "school_id", OTHER_SCHOOL, "roles", List.of("SCHOOL_ADMIN")), "admin-" + OTHER_SCHOOL);
    final String expert = TestTokens.sign(Map.of("district_id", DISTRICT, "roles", List.of("EXPERT")),
            "expert-" + DISTRICT);
    final String bureau = TestTokens.bureau(DISTRICT);

    @BeforeAll
    void directory() {
        http = Http.local(port);
        events = new TestEvents(brokers);
        creditTopic = new TopicRecorder(brokers, Topics.CREDIT);
        Instant now = clock.instant();
        events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "云溪三中", "初中", now));
        events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "云溪四中", "初中", now));
        for (String t : TEACHERS) {
            events.publish(new TeacherRegistered(t, DISTRICT, TOWNSHIP, SCHOOL, "教师" + t, "女", "语文", "g-1",
                    "一级教师", 1986, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TEACHERS.stream()
                .allMatch(t -> directory.teacher(t).isPresent()) && directory.school(OTHER_SCHOOL).isPresent());
    }

    @AfterAll
    void close() {
        events.close();
        creditTopic.close();
    }

    String teacher(String id) {
        return TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, id);
    }

    static Map<String, Object> claim(String teacherId, String kind, String hours, List<String> evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("teacherId", teacherId);
        body.put("kind", kind);
        body.put("title", "省级班主任能力提升网络研修");
        body.put("organizer", "省教师发展中心");
        body.put("hours", new BigDecimal(hours));
        body.put("date", DATE);
        body.put("evidenceAttachmentIds", evidence);
        return body;
    }

    Http.Reply submit(String token, Map<String, Object> body, String key) {
        return http.post("/api/credits/claims", token, body, Map.of("Idempotency-Key", key));
    }

    String submitted(String teacherId, String kind, String hours) {
        Http.Reply reply = submit(teacher(teacherId), claim(teacherId, kind, hours, List.of("att-" + UUID.randomUUID())),
                "k-" + UUID.randomUUID());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Moves the arrival at the pending step back in time: the claim has waited there {@code hours}. */
    void waited(String claimId, int step, int hours) {
        database.getCollection("credit_claims").updateOne(Filters.eq("_id", claimId), Updates.set(
                "steps." + step + ".arrivedAt", Date.from(clock.instant().minus(Duration.ofHours(hours)))));
    }

    Http.Reply approve(String claimId, String token) {
        return http.post("/api/credits/claims/" + claimId + "/approve", token, Map.of("note", "证书属实"));
    }

    JsonNode account(String teacherId) {
        Http.Reply reply = http.get("/api/credits/teachers/" + teacherId + "?year=2026-2027", bureau);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    ConsumerRecord<String, CloudEvent> event(String type, String claimId, String level) {
        return creditTopic.await(r -> r.value() != null && type.equals(r.value().getType())
                && claimId.equals(r.value().getSubject())
                && (level == null || new String(r.value().getData().toBytes()).contains("\"level\":\"" + level + "\"")));
    }

    static void assertValidAndKeyed(ConsumerRecord<String, CloudEvent> record, String teacherId) {
        assertThat(record.key()).isEqualTo(teacherId);
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes())).isEmpty();
    }

    long claimsOf(String teacherId) {
        return database.getCollection("credit_claims").countDocuments(new Document("teacherId", teacherId));
    }

    // ---- tests ----

    @Test
    void aDirectClaimGoesSchoolThenCountyWithEachStepsWaitingTimeAndItsHoursAppearInTheAccount() {
        String id = submitted("cl-direct", "OTHER_PLATFORM", "12.5");
        JsonNode pending = http.get("/api/credits/claims/" + id, teacher("cl-direct")).json();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("level").asString()).isEqualTo("SCHOOL");
        assertThat(pending.get("chain").toString()).isEqualTo("[\"SCHOOL\",\"COUNTY\"]");

        // the school's admin sees it waiting at their level
        JsonNode atSchool = http.get("/api/credits/claims?status=PENDING&level=SCHOOL", schoolAdmin).json();
        assertThat(atSchool.get("items").findValuesAsString("id")).contains(id);

        waited(id, 0, 3);
        Http.Reply school = approve(id, schoolAdmin);
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.json().get("level").asString()).isEqualTo("COUNTY");
        assertThat(school.json().get("status").asString()).isEqualTo("PENDING");
        JsonNode first = school.json().get("steps").get(0);
        assertThat(first.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(first.get("decidedBy").asString()).isEqualTo("admin-" + SCHOOL);
        assertThat(first.get("waitedMinutes").asLong()).isBetween(180L, 182L);
        assertThat(account("cl-direct").get("entries")).isEmpty();

        waited(id, 1, 26);
        Http.Reply county = approve(id, expert);
        assertThat(county.status()).as(county.body()).isEqualTo(200);
        assertThat(county.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(county.json().get("level").isNull()).isTrue();
        assertThat(county.json().get("steps").get(1).get("level").asString()).isEqualTo("COUNTY");
        assertThat(county.json().get("steps").get(1).get("waitedMinutes").asLong()).isBetween(1560L, 1562L);

        await().atMost(Duration.ofSeconds(20)).until(() -> account("cl-direct").get("entries").size() == 1);
        JsonNode entry = account("cl-direct").get("entries").get(0);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(entry.get("category").asString()).isEqualTo("other");
        assertThat(entry.get("ruleId").asString()).isEqualTo("claim.other");
        assertThat(entry.get("source").get("id").asString()).isEqualTo(id);
        assertThat(account("cl-direct").get("years").get(0).get("totalHours").decimalValue())
                .isEqualByComparingTo("12.5");

        assertValidAndKeyed(event(EventTypes.CREDIT_CLAIM_SUBMITTED.name(), id, null), "cl-direct");
        ConsumerRecord<String, CloudEvent> schoolStep = event(EventTypes.CREDIT_CLAIM_APPROVED.name(), id, "SCHOOL");
        assertValidAndKeyed(schoolStep, "cl-direct");
        assertThat(new String(schoolStep.value().getData().toBytes())).contains("\"finalStep\":false",
                "\"nextLevel\":\"COUNTY\"");
        ConsumerRecord<String, CloudEvent> countyStep = event(EventTypes.CREDIT_CLAIM_APPROVED.name(), id, "COUNTY");
        assertValidAndKeyed(countyStep, "cl-direct");
        assertThat(new String(countyStep.value().getData().toBytes())).contains("\"finalStep\":true");

        JsonNode report = http.get("/api/credits/claims/waiting-times?schoolYear=2026-2027", bureau).json();
        JsonNode schoolLevel = report.get("levels").get(0);
        assertThat(schoolLevel.get("level").asString()).isEqualTo("SCHOOL");
        assertThat(schoolLevel.get("decided").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(schoolLevel.get("maxWaitedHours").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("3.0"));
        JsonNode countyLevel = report.get("levels").get(1);
        assertThat(countyLevel.get("level").asString()).isEqualTo("COUNTY");
        assertThat(countyLevel.get("maxWaitedHours").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("26.0"));
    }

    @Test
    void anExternalTrainingClaimedEventBecomesAClaimAndIsAwardedOnlyAfterFinalApproval() {
        ExternalTrainingClaimed training = new ExternalTrainingClaimed("ext-" + UUID.randomUUID(), DISTRICT, TOWNSHIP,
                SCHOOL, "cl-auto", "TRAINING", "国培计划初中语文骨干教师培训", "省教育厅", "NATIONAL", "省教育学院",
                LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-24"), new BigDecimal("40"),
                List.of("att-cert"), clock.instant());
        events.publish(training);
        events.publish(training); // a duplicate opens nothing new
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/credits/claims?teacherId=cl-auto",
                schoolAdmin).json().get("total").asLong() == 1);
        JsonNode claim = http.get("/api/credits/claims?teacherId=cl-auto", schoolAdmin).json().get("items").get(0);
        String id = claim.get("id").asString();
        assertThat(claim.get("origin").asString()).isEqualTo(EventTypes.EXTERNAL_TRAINING_CLAIMED.name());
        assertThat(claim.get("sourceId").asString()).isEqualTo(training.trainingId());
        assertThat(claim.get("hours").decimalValue()).isEqualByComparingTo("40");
        assertThat(claim.get("level").asString()).isEqualTo("SCHOOL");
        assertThat(account("cl-auto").get("entries")).isEmpty();
        assertThat(account("cl-auto").get("declined").asInt()).isZero();
        assertValidAndKeyed(event(EventTypes.CREDIT_CLAIM_SUBMITTED.name(), id, null), "cl-auto");

        assertThat(approve(id, schoolAdmin).status()).isEqualTo(200);
        assertThat(account("cl-auto").get("entries")).isEmpty();
        assertThat(approve(id, expert).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> account("cl-auto").get("entries").size() == 1);
        JsonNode entry = account("cl-auto").get("entries").get(0);
        assertThat(entry.get("ruleId").asString()).isEqualTo("external-training.claimant");
        assertThat(entry.get("category").asString()).isEqualTo("external-training");
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("40");
        assertThat(entry.get("revision").asInt()).isEqualTo(1);
        assertThat(entry.get("source").get("id").asString()).isEqualTo(training.trainingId());
        assertThat(entry.get("source").get("type").asString()).isEqualTo(EventTypes.EXTERNAL_TRAINING_CLAIMED.name());
        assertThat(account("cl-auto").get("declined").asInt()).isZero();
    }

    @Test
    void aRejectedClaimEarnsNothingAndIsDeclinedRejected() {
        String id = submitted("cl-rejected", "CLASS_TEACHER", "8");
        Http.Reply noReason = http.post("/api/credits/claims/" + id + "/reject", schoolAdmin, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(http.get("/api/credits/claims/" + id, schoolAdmin).json().get("version").asLong()).isEqualTo(1);

        Http.Reply rejected = http.post("/api/credits/claims/" + id + "/reject", schoolAdmin,
                Map.of("reason", "证书与培训内容不符"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("steps").get(0).get("decision").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("steps").get(0).get("note").asString()).isEqualTo("证书与培训内容不符");
        assertValidAndKeyed(event(EventTypes.CREDIT_CLAIM_REJECTED.name(), id, "SCHOOL"), "cl-rejected");

        await().atMost(Duration.ofSeconds(20)).until(() -> account("cl-rejected").get("declined").asInt() == 1);
        JsonNode account = account("cl-rejected");
        assertThat(account.get("entries")).isEmpty();
        assertThat(account.get("declines").get(0).get("reason").asString()).isEqualTo("rejected");
        assertThat(account.get("declines").get(0).get("source").get("id").asString()).isEqualTo(id);
        // nobody decides a rejected claim any more
        Http.Reply county = approve(id, expert);
        assertThat(county.status()).isEqualTo(409);
        assertThat(county.json().get("code").asString()).isEqualTo("already-decided");
    }

    @Test
    void aClaimWithoutEvidenceIs400AndNothingIsWritten() {
        Http.Reply reply = submit(teacher("cl-noevid"), claim("cl-noevid", "EXTERNAL_TRAINING", "6", List.of()),
                "k-" + UUID.randomUUID());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asString()).isEqualTo("evidence-required");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("evidenceAttachmentIds");
        Http.Reply halfHours = submit(teacher("cl-noevid"), claim("cl-noevid", "OTHER", "6.3", List.of("att-1")),
                "k-" + UUID.randomUUID());
        assertThat(halfHours.status()).isEqualTo(400);
        assertThat(halfHours.json().get("errors").get(0).get("field").asString()).isEqualTo("hours");
        for (String tooOld : List.of("0000-01-01", "2025-08-31")) { // before the previous school year began
            Map<String, Object> body = claim("cl-noevid", "OTHER", "6", List.of("att-1"));
            body.put("date", tooOld);
            Http.Reply old = submit(teacher("cl-noevid"), body, "k-" + UUID.randomUUID());
            assertThat(old.status()).as(tooOld).isEqualTo(400);
            assertThat(old.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
        }
        Http.Reply forSomeoneElse = submit(teacher("cl-scope"), claim("cl-noevid", "OTHER", "6", List.of("att-1")),
                "k-" + UUID.randomUUID());
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(claimsOf("cl-noevid")).isZero();
    }

    @Test
    void approvingOutsideOnesScopeOrAtTheWrongLevelIs403AndApprovingTwiceIs409WithNothingWritten() {
        String id = submitted("cl-scope", "EXTERNAL_TRAINING", "6");
        Http.Reply outside = approve(id, otherSchoolAdmin);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("code").asString()).isEqualTo("out-of-scope");
        Http.Reply byTeacher = approve(id, teacher("cl-scope"));
        assertThat(byTeacher.status()).isEqualTo(403);
        Http.Reply wrongLevel = approve(id, expert);
        assertThat(wrongLevel.status()).isEqualTo(403);
        assertThat(wrongLevel.json().get("code").asString()).isEqualTo("wrong-level");
        assertThat(http.get("/api/credits/claims/" + id, schoolAdmin).json().get("version").asLong()).isEqualTo(1);

        assertThat(approve(id, schoolAdmin).status()).isEqualTo(200);
        Http.Reply twice = approve(id, schoolAdmin);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("already-decided");
        JsonNode after = http.get("/api/credits/claims/" + id, schoolAdmin).json();
        assertThat(after.get("version").asLong()).isEqualTo(2);
        assertThat(after.get("steps")).hasSize(2);
        assertThat(after.get("level").asString()).isEqualTo("COUNTY");
    }

    @Test
    void anIdempotentRetryCreatesNothingNew() {
        Map<String, Object> body = claim("cl-idem", "OTHER", "3", List.of("att-idem"));
        Http.Reply first = submit(schoolAdmin, body, "idem-cl-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Reply retry = submit(schoolAdmin, body, "idem-cl-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(claimsOf("cl-idem")).isEqualTo(1);
    }
}
