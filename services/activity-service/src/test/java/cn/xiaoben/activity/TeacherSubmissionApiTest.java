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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeacherSubmissionApiTest {

    static final String DISTRICT = "dst-sub", TOWNSHIP = "tsp-sub", SCHOOL = "sch-sub-a", OTHER_SCHOOL = "sch-sub-b";
    static final String TEXT = "这节课我以生活中的购物问题引入一元一次方程，学生兴趣浓厚。但在移项环节，部分学生仍然混淆符号变化，"
            + "下次应当先让学生自己归纳规律，再进行变式训练。Overall the pacing worked well.";

    @LocalServerPort
    int port;
    /** This context's broker: not ${spring.kafka.bootstrap-servers}, a JVM-wide system property that the broker of
     *  another cached test context (one with its own @TestConfiguration) overwrites. */
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    MongoDatabase database;
    @Autowired
    TestClock clock;

    Http http;
    Uploads uploads;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String writer = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-writer");
    final String colleague = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-colleague");
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);

    @BeforeAll
    void directoryKnowsTwoSchools() {
        http = Http.local(port);
        uploads = new Uploads(port);
        activityTopic = new TopicRecorder(kafka.getBrokersAsString(), Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(kafka.getBrokersAsString())) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "城关四中", "初中", now));
            events.publish(new SchoolRegistered(OTHER_SCHOOL, DISTRICT, TOWNSHIP, "城关五中", "初中", now));
            events.publish(new TeacherRegistered("t-writer", DISTRICT, TOWNSHIP, SCHOOL, "陈静", "女", "数学", "g-s1", "一级教师", 1987, now));
            events.publish(new TeacherRegistered("t-colleague", DISTRICT, TOWNSHIP, SCHOOL, "刘洋", "男", "语文", "g-s2", "二级教师", 1993, now));
            events.publish(new TeacherRegistered("t-far", DISTRICT, TOWNSHIP, OTHER_SCHOOL, "孙悦", "女", "英语", "g-s3", "一级教师", 1990, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.teacher("t-writer").isPresent()
                && directory.teacher("t-colleague").isPresent() && directory.teacher("t-far").isPresent());
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    /** A reflection written a while ago: in the past of whatever "now" the suite runs at. */
    Map<String, Object> reflection(String teacherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", teacherId);
        body.put("kind", "teachingReflection");
        body.put("title", "《一元一次方程》教学反思");
        body.put("text", TEXT);
        body.put("writtenOn", clock.today().minusDays(17).toString());
        return body;
    }

    Map<String, Object> readingNote(String teacherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("teacherId", teacherId);
        body.put("kind", "book");
        body.put("title", "读《给教师的建议》有感");
        body.put("bookTitle", "给教师的建议");
        body.put("bookAuthor", "苏霍姆林斯基");
        body.put("chapters", "第1–20条");
        body.put("text", TEXT);
        body.put("writtenOn", clock.today().minusDays(18).toString());
        return body;
    }

    @Test
    void aTeachersReflectionWithAttachmentsIsStoredAndPublishedKeyedByTheTeacher() {
        String plan = uploads.upload(writer, "教学设计.pdf", "application/pdf", Uploads.pdf()).json().get("id").asString();
        String photo = uploads.upload(school, "板书.png", "image/png", Uploads.png()).json().get("id").asString();
        Map<String, Object> body = reflection("t-writer");
        body.put("attachmentIds", List.of(plan, photo));

        Http.Reply reply = http.post("/api/activities/reflections", writer, body);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith("/api/activities/reflections/" + id);
        assertThat(reply.json().get("teacherName").asString()).isEqualTo("陈静");
        assertThat(reply.json().get("schoolId").asString()).isEqualTo(SCHOOL);
        assertThat(reply.json().get("wordCount").asInt()).isGreaterThan(60);
        assertThat(reply.json().get("attachmentIds").get(1).asString()).isEqualTo(photo);

        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo("t-writer");
        assertThat(record.value().getType()).isEqualTo(EventTypes.REFLECTION_SUBMITTED.name());
        byte[] data = record.value().getData().toBytes();
        assertThat(TestEvents.schemaViolations(EventTypes.REFLECTION_SUBMITTED.name(), data)).isEmpty();
        String json = new String(data, StandardCharsets.UTF_8);
        assertThat(json).contains("\"attachmentIds\":[\"" + plan + "\",\"" + photo + "\"]")
                .contains("\"writtenOn\":\"" + body.get("writtenOn") + "\"").contains("\"kind\":\"teachingReflection\"")
                .doesNotContain("移项环节");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database.getCollection("reflections")
                .find(new Document("_id", id)).first()).extracting(d -> d.containsKey("outboxPendingSince"))
                .isEqualTo(false));
        Http.Reply read = http.get("/api/activities/reflections/" + id, writer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("text").asString()).isEqualTo(TEXT);
    }

    @Test
    void theSchoolSubmitsReadingNotesOnBehalfOfItsTeacher() {
        Http.Reply reply = http.post("/api/activities/reading-notes", school, readingNote("t-colleague"));

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.json().get("bookTitle").asString()).isEqualTo("给教师的建议");
        ConsumerRecord<String, CloudEvent> record = activityTopic.await(r -> r.value() != null
                && id.equals(r.value().getSubject()));
        assertThat(record.key()).isEqualTo("t-colleague");
        assertThat(record.value().getType()).isEqualTo(EventTypes.READING_NOTE_SUBMITTED.name());
        assertThat(TestEvents.schemaViolations(EventTypes.READING_NOTE_SUBMITTED.name(),
                record.value().getData().toBytes())).isEmpty();
    }

    @Test
    void aTeacherCannotSubmitForAnotherTeacherNorTheSchoolForATeacherElsewhere() {
        Http.Reply forColleague = http.post("/api/activities/reflections", writer, reflection("t-colleague"));
        assertThat(forColleague.status()).isEqualTo(403);
        assertThat(forColleague.isProblem()).isTrue();
        assertThat(http.post("/api/activities/reading-notes", writer, readingNote("t-colleague")).status())
                .isEqualTo(403);

        Http.Reply elsewhere = http.post("/api/activities/reflections", school, reflection("t-far"));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("teacher-not-in-school");

        assertThat(http.post("/api/activities/reflections", TestTokens.bureau(DISTRICT), reflection("t-writer"))
                .status()).isEqualTo(403);
    }

    @Test
    void attachmentsMustExistAndBelongToTheSameSchool() {
        long before = database.getCollection("reflections").countDocuments();
        String foreign = uploads.upload(otherSchool, "plan.pdf", "application/pdf", Uploads.pdf())
                .json().get("id").asString();
        String own = uploads.upload(school, "plan.pdf", "application/pdf", Uploads.pdf()).json().get("id").asString();
        Map<String, Object> body = reflection("t-writer");
        body.put("attachmentIds", List.of(own, foreign, "att-nowhere"));

        Http.Reply reply = http.post("/api/activities/reflections", writer, body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("code").asString()).isEqualTo("attachment-not-in-school");
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactly("attachmentIds[1]", "attachmentIds[2]");
        assertThat(reply.json().get("errors").get(1).get("code").asString()).isEqualTo("attachment-unknown");
        assertThat(reply.json().get("errors").get(0).get("messageZh").asString()).contains("其他学校");
        assertThat(database.getCollection("reflections").countDocuments()).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneRecordAndOneEvent() {
        Map<String, String> key = Map.of("Idempotency-Key", "note-" + System.nanoTime());
        Http.Reply first = http.post("/api/activities/reading-notes", writer, readingNote("t-writer"), key);
        Http.Reply again = http.post("/api/activities/reading-notes", writer, readingNote("t-writer"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(database.getCollection("reading_notes").countDocuments(
                new Document("idempotency.key", SCHOOL + "/" + key.get("Idempotency-Key")))).isEqualTo(1);
        activityTopic.await(r -> r.value() != null && id.equals(r.value().getSubject()));
        assertThat(activityTopic.all(r -> r.value() != null && id.equals(r.value().getSubject()))).hasSize(1);

        Map<String, Object> changed = readingNote("t-writer");
        changed.put("title", "再读《给教师的建议》");
        Http.Reply reuse = http.post("/api/activities/reading-notes", writer, changed, key);
        assertThat(reuse.status()).isEqualTo(409);
    }

    @Test
    void badFieldsAre400WithFieldErrorsInBothLanguagesAndNothingIsStored() {
        long before = database.getCollection("reflections").countDocuments();
        Map<String, Object> bad = reflection("t-writer");
        bad.put("text", "太短了");
        bad.remove("title");
        bad.put("attachmentIds", List.of(""));

        Http.Reply reply = http.post("/api/activities/reflections", writer, bad);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .contains("text", "title", "attachmentIds[0]");
        var text = reply.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals("text")).findFirst().orElseThrow();
        assertThat(text.get("message").asString()).contains("50").contains("20000");
        assertThat(text.get("messageZh").asString()).contains("50").containsPattern("[\\u4e00-\\u9fa5]");

        Map<String, Object> future = reflection("t-writer");
        future.put("writtenOn", clock.today().plusDays(3).toString());
        Http.Reply later = http.post("/api/activities/reflections", writer, future);
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("errors").get(0).get("field").asString()).isEqualTo("writtenOn");
        assertThat(later.json().get("errors").get(0).get("messageZh").asString()).contains("日期");

        Map<String, Object> kind = reflection("t-writer");
        kind.put("kind", "poem");
        Http.Reply wrongKind = http.post("/api/activities/reflections", writer, kind);
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        Map<String, Object> longText = readingNote("t-writer");
        longText.put("text", "字".repeat(20_001));
        longText.remove("bookTitle");
        Http.Reply note = http.post("/api/activities/reading-notes", writer, longText);
        assertThat(note.status()).isEqualTo(400);
        assertThat(note.json().get("errors").findValuesAsString("field")).contains("text", "bookTitle");

        assertThat(database.getCollection("reflections").countDocuments()).isEqualTo(before);
    }

    @Test
    void readsAreScopedTeacherToOwnSchoolToItsTeachersAndBureauToItsDistrict() {
        String mine = http.post("/api/activities/reflections", writer, reflection("t-writer")).json().get("id").asString();
        String theirs = http.post("/api/activities/reflections", school, reflection("t-colleague")).json().get("id").asString();

        assertThat(http.get("/api/activities/reflections/" + theirs, writer).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/reflections/" + mine, otherSchool).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/reflections/" + mine, TestTokens.township(DISTRICT, TOWNSHIP)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/activities/reflections/rfl-missing", school).status()).isEqualTo(404);

        Http.Reply own = http.get("/api/activities/reflections?size=200", writer);
        assertThat(own.json().get("items").findValuesAsString("teacherId")).containsOnly("t-writer");
        Http.Reply schoolList = http.get("/api/activities/reflections?size=1&kind=teachingReflection", school);
        assertThat(schoolList.json().get("items")).hasSize(1);
        assertThat(schoolList.json().get("items").get(0).get("text").isNull()).isTrue();
        assertThat(schoolList.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("/api/activities/reflections?teacherId=t-colleague&size=200", school)
                .json().get("items").findValuesAsString("id")).contains(theirs).doesNotContain(mine);
        assertThat(http.get("/api/activities/reflections?schoolId=" + SCHOOL, otherSchool).json().get("total").asLong())
                .isZero();
        assertThat(http.get("/api/activities/reflections?schoolId=" + SCHOOL, TestTokens.bureau(DISTRICT))
                .json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("/api/activities/reading-notes?kind=novel", school).status()).isEqualTo(400);
    }
}
