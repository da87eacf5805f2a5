package cn.xiaoben.activity.session;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.xiaoben.activity.session.SessionFixtures.assertFieldError;
import static cn.xiaoben.activity.session.SessionFixtures.body;
import static cn.xiaoben.activity.session.SessionFixtures.created;
import static cn.xiaoben.activity.session.SessionFixtures.data;
import static cn.xiaoben.activity.session.SessionFixtures.held;
import static cn.xiaoben.activity.session.SessionFixtures.lesson;
import static cn.xiaoben.activity.session.SessionFixtures.of;
import static cn.xiaoben.activity.session.SessionFixtures.schemaValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each session form's own fields and evidence: validation, lesson plan revisions, reflection, minutes, portfolio. */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionFormsApiTest {

    static final String DISTRICT = "dst-f", TOWNSHIP = "tsp-f", SCHOOL = "sch-fa", OTHER = "sch-fb";
    static final String GROUP = "g-fa-math", HOST = "t-f-host", T1 = "t-f-1", T2 = "t-f-2", T3 = "t-f-3",
            T4 = "t-f-4", STRANGER = "t-f-x";

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
    @Autowired
    SessionPortfolio portfolio;

    Http http;
    TopicRecorder activityTopic;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String otherSchool = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER);

    static String teacher(String id) {
        return TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, id);
    }

    @BeforeAll
    void directory() {
        http = Http.local(port);
        activityTopic = new TopicRecorder(brokers, Topics.ACTIVITY);
        try (TestEvents events = new TestEvents(brokers)) {
            Instant now = clock.instant();
            events.publish(new SchoolRegistered(SCHOOL, DISTRICT, TOWNSHIP, "河口中学", "初中", now));
            events.publish(new SchoolRegistered(OTHER, DISTRICT, TOWNSHIP, "河口二中", "初中", now));
            events.publish(new SubjectGroupRegistered(GROUP, DISTRICT, TOWNSHIP, SCHOOL, "数学教研组", "数学", now));
            for (String id : List.of(HOST, T1, T2, T3, T4)) {
                events.publish(new TeacherRegistered(id, DISTRICT, TOWNSHIP, SCHOOL, "教师" + id, "女", "数学", GROUP,
                        "一级教师", 1985, now));
            }
            events.publish(new TeacherRegistered(STRANGER, DISTRICT, TOWNSHIP, OTHER, "外校教师", "男", "数学", "g-fb",
                    "二级教师", 1990, now));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacherCount(SCHOOL) == 5
                && directory.teacher(STRANGER).isPresent()
                && directory.collection(DirectoryReplica.GROUPS).countDocuments(new Document("_id", GROUP)) == 1);
    }

    @AfterAll
    void close() {
        activityTopic.close();
    }

    long sessionsWithTopic(Map<String, Object> body) {
        return database.getCollection(Sessions.COLLECTION).countDocuments(new Document("topic", body.get("topic")));
    }

    Http.Reply create(Map<String, Object> body) {
        return http.post("/api/activities/sessions", school, body);
    }

    @Test
    void eachFormRequiresItsOwnFieldsAndRefusesTheOthersWritingNothing() {
        Map<String, Object> themed = body(clock, "THEMED_RESEARCH", HOST, List.of(T1), 24);
        assertFieldError(create(themed), 400, "required-for-form", "speakerId");
        themed.put("speakerId", T2);
        themed.put("book", Map.of("title", "给教师的建议"));
        assertFieldError(create(themed), 400, "not-for-form", "book");
        assertThat(sessionsWithTopic(themed)).isZero();

        Map<String, Object> preparation = body(clock, "COLLECTIVE_PREPARATION", HOST, List.of(T1), 24);
        Http.Reply reply = create(preparation);
        assertFieldError(reply, 400, "required-for-form", "mainPreparerId");
        assertFieldError(reply, 400, "required-for-form", "lessonContent");
        preparation.put("mainPreparerId", T1);
        preparation.put("lessonContent", Map.of("subject", "数学", "grade", "七年级"));
        assertFieldError(create(preparation), 400, "NotBlank", "lessonContent.title");

        Map<String, Object> sameLesson = body(clock, "SAME_LESSON_DIFFERENT_DESIGNS", HOST, List.of(T3), 24);
        sameLesson.put("teachingTeacherIds", List.of(T1, T1));
        sameLesson.put("lessonContent", lesson("一元一次方程"));
        reply = create(sameLesson);
        assertFieldError(reply, 400, "duplicate-teacher", "teachingTeacherIds[1]");
        assertFieldError(reply, 400, "too-few-teachers", "teachingTeacherIds");

        Map<String, Object> open = body(clock, "OPEN_LESSON", HOST, List.of(T3), 24);
        open.put("teachingTeacherIds", List.of(T1, T2));
        open.put("lessonContent", lesson("勾股定理"));
        reply = create(open);
        assertFieldError(reply, 400, "one-teaching-teacher", "teachingTeacherIds");
        assertFieldError(reply, 400, "required-for-form", "lessonKind");
        open.put("lessonKind", "PRIVATE");
        assertThat(create(open).status()).isEqualTo(400);

        Map<String, Object> lecture = body(clock, "LECTURE", HOST, List.of(T1), 24);
        assertFieldError(create(lecture), 400, "one-speaker", "speakerId");
        lecture.put("speakerId", T2);
        lecture.put("speakerName", "李教授");
        assertFieldError(create(lecture), 400, "one-speaker", "speakerName");

        Map<String, Object> reading = body(clock, "READING_CLUB", HOST, List.of(T1), 24);
        assertFieldError(create(reading), 400, "required-for-form", "book");

        Map<String, Object> salon = body(clock, "SALON", HOST, List.of(T1), 24);
        salon.put("speakerId", T2);
        salon.put("lessonKind", "OPEN");
        reply = create(salon);
        assertFieldError(reply, 400, "not-for-form", "speakerId");
        assertFieldError(reply, 400, "not-for-form", "lessonKind");

        Map<String, Object> group = body(clock, "SALON", HOST, List.of(T1), 24);
        group.put("hostUnit", "GROUP");
        assertFieldError(create(group), 400, "required-for-host-unit", "subjectGroupId");
        group.put("subjectGroupId", "g-nowhere");
        Http.Reply unknownGroup = create(group);
        assertThat(unknownGroup.status()).isEqualTo(422);
        assertThat(unknownGroup.json().get("code").asString()).isEqualTo("group-unknown");

        Map<String, Object> farSpeaker = body(clock, "THEMED_RESEARCH", HOST, List.of(T1), 24);
        farSpeaker.put("speakerId", STRANGER);
        assertFieldError(create(farSpeaker), 422, "participant-not-in-school", "speakerId");

        for (Map<String, Object> b : List.of(preparation, sameLesson, open, lecture, reading, salon, group, farSpeaker)) {
            assertThat(sessionsWithTopic(b)).isZero();
        }
    }

    @Test
    void everyFormIsCreatedWithItsPeopleWhoTakePartAndAreNamedInActivityScheduled() {
        Map<String, Object> themed = body(clock, "THEMED_RESEARCH", HOST, List.of(T1), 24);
        themed.put("speakerId", T2);
        JsonNode session = created(http, school, themed);
        assertThat(session.get("speakerId").asString()).isEqualTo(T2);
        assertThat(session.get("hostUnit").asString()).isEqualTo("SCHOOL");
        assertThat(session.get("participants").findValuesAsString("teacherId")).containsExactly(T1, T2);
        ConsumerRecord<String, CloudEvent> scheduled = activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(),
                session.get("id").asString()));
        schemaValid(scheduled);
        assertThat(data(scheduled).get("speakerId").asString()).isEqualTo(T2);
        assertThat(data(scheduled).get("hostUnit").asString()).isEqualTo("SCHOOL");

        Map<String, Object> same = body(clock, "SAME_LESSON_DIFFERENT_DESIGNS", HOST, List.of(T3), 24);
        same.put("teachingTeacherIds", List.of(T1, T2));
        same.put("lessonContent", lesson("一元一次方程"));
        same.put("hostUnit", "GROUP");
        same.put("subjectGroupId", GROUP);
        session = created(http, school, same);
        assertThat(session.get("participants").findValuesAsString("teacherId")).containsExactly(T3, T1, T2);
        assertThat(session.get("lessonContent").get("title").asString()).isEqualTo("一元一次方程");
        scheduled = activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), session.get("id").asString()));
        schemaValid(scheduled);
        assertThat(data(scheduled).get("teachingTeacherIds").valueStream().map(JsonNode::asString))
                .containsExactly(T1, T2);

        Map<String, Object> open = body(clock, "OPEN_LESSON", HOST, List.of(), 24);
        open.put("teachingTeacherIds", List.of(T4));
        open.put("lessonKind", "DEMONSTRATION");
        open.put("lessonContent", lesson("勾股定理"));
        session = created(http, school, open);
        assertThat(session.get("lessonKind").asString()).isEqualTo("DEMONSTRATION");
        assertThat(data(activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), session.get("id").asString())))
                .get("lessonKind").asString()).isEqualTo("DEMONSTRATION");

        Map<String, Object> lecture = body(clock, "LECTURE", HOST, List.of(T1, T2), 24);
        lecture.put("speakerName", "李教授（师范大学）");
        session = created(http, school, lecture);
        assertThat(session.get("speakerName").asString()).isEqualTo("李教授（师范大学）");
        assertThat(session.get("participants")).hasSize(2);

        Map<String, Object> reading = body(clock, "READING_CLUB", HOST, List.of(T1), 24);
        reading.put("book", Map.of("title", "给教师的建议", "author", "苏霍姆林斯基", "chapters", "第1–20条"));
        session = created(http, school, reading);
        assertThat(session.get("book").get("author").asString()).isEqualTo("苏霍姆林斯基");

        JsonNode salon = created(http, school, body(clock, "SALON", HOST, List.of(T1, T2), 24));
        assertThat(salon.get("form").asString()).isEqualTo("SALON");
    }

    @Test
    void weeklySlotsPlanOnlyFormsThatNeedNoMoreThanTheirHost() {
        Map<String, Object> slot = new HashMap<>();
        slot.put("subjectGroupId", GROUP);
        slot.put("dayOfWeek", "THURSDAY");
        slot.put("start", "16:00");
        slot.put("durationMinutes", 60);
        slot.put("hostId", HOST);
        slot.put("form", "OPEN_LESSON");
        assertFieldError(http.post("/api/activities/schools/" + SCHOOL + "/weekly-slots", school, slot), 400,
                "form-not-weekly", "form");
        slot.put("form", "THEMED_RESEARCH");
        Http.Reply added = http.post("/api/activities/schools/" + SCHOOL + "/weekly-slots", school, slot);
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        LocalDate from = clock.today().plusDays(1);
        Http.Reply plan = http.post("/api/activities/schools/" + SCHOOL + "/sessions/plan?from=" + from + "&to="
                + from.plusDays(6), school, Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        String id = plan.json().get("created").get(0).asString();
        JsonNode planned = http.get("/api/activities/sessions/" + id, school).json();
        assertThat(planned.get("form").asString()).isEqualTo("THEMED_RESEARCH");
        assertThat(planned.get("speakerId").asString()).isEqualTo(HOST);
        assertThat(planned.get("hostUnit").asString()).isEqualTo("GROUP");
        schemaValid(activityTopic.await(of(EventTypes.ACTIVITY_SCHEDULED.name(), id)));
    }

    JsonNode preparation(int hoursFromNow) {
        Map<String, Object> body = body(clock, "COLLECTIVE_PREPARATION", HOST, List.of(T2), hoursFromNow);
        body.put("mainPreparerId", T1);
        body.put("lessonContent", lesson("一元一次方程的应用"));
        return created(http, school, body);
    }

    @Test
    void lessonPlanRevisionsAreNumberedKeptAndPublishedKeyedByTheMainPreparer() {
        JsonNode session = preparation(24);
        String id = session.get("id").asString();
        assertThat(session.get("participants").findValuesAsString("teacherId")).containsExactly(T2, T1);
        String draft = SessionFixtures.upload(port, teacher(T1), "初稿：一元一次方程的应用");
        String revised = SessionFixtures.upload(port, school, "修改稿：调整例题顺序");
        String path = "/api/activities/sessions/" + id + "/lesson-plan/revisions";

        Http.Reply first = http.post(path, teacher(T1), Map.of("attachmentId", draft, "note", "初稿"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Http.Reply second = http.post(path, school, Map.of("attachmentId", revised, "note", "根据组内研讨修改"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode plan = second.json().get("lessonPlan");
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(plan.get(0).get("revisedBy").asString()).isEqualTo(T1);
        assertThat(plan.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(plan.get(1).get("attachmentId").asString()).isEqualTo(revised);

        ConsumerRecord<String, CloudEvent> event = activityTopic.await(of(EventTypes.LESSON_PLAN_REVISED.name(), id)
                .and(r -> data(r).get("revision").asInt() == 2));
        schemaValid(event);
        assertThat(event.key()).isEqualTo(T1);
        assertThat(data(event).get("attachmentId").asString()).isEqualTo(revised);

        // a participant who is not the main preparer, another school's attachment, another form: refused
        assertThat(http.post(path, teacher(T2), Map.of("attachmentId", draft)).status()).isEqualTo(403);
        String foreign = SessionFixtures.upload(port, otherSchool, "外校附件");
        assertFieldError(http.post(path, school, Map.of("attachmentId", foreign)), 422, "attachment-not-in-school",
                "attachmentId");
        assertFieldError(http.post(path, school, Map.of("note", "无附件")), 400, "NotBlank", "attachmentId");
        Map<String, Object> themedBody = body(clock, "THEMED_RESEARCH", HOST, List.of(T2), 24);
        themedBody.put("speakerId", T1);
        String themed = created(http, school, themedBody).get("id").asString();
        Http.Reply wrongForm = http.post("/api/activities/sessions/" + themed + "/lesson-plan/revisions", school,
                Map.of("attachmentId", draft));
        assertThat(wrongForm.status()).isEqualTo(422);
        assertThat(wrongForm.json().get("code").asString()).isEqualTo("not-for-form");
        assertThat(http.get("/api/activities/sessions/" + id, school).json().get("lessonPlan")).hasSize(2);
        assertThat(activityTopic.all(of(EventTypes.LESSON_PLAN_REVISED.name(), id))).hasSize(2);
    }

    String reflection(String teacherId, LocalDate writtenOn) {
        Map<String, Object> body = Map.of("teacherId", teacherId, "kind", "teachingReflection",
                "title", "《一元一次方程的应用》教学反思", "writtenOn", writtenOn.toString(),
                "text", "本节课围绕一元一次方程的实际应用展开，学生在行程问题上理解较好，但在工程问题中对等量关系的寻找仍有困难，"
                        + "下次应增加画线段图的示范，并给学生更多独立思考的时间。");
        Http.Reply reply = http.post("/api/activities/reflections", school, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    @Test
    void theMainPreparersReflectionIsLinkedOnceTheSessionIsHeld() {
        JsonNode session = preparation(-3);
        String id = session.get("id").asString();
        String path = "/api/activities/sessions/" + id + "/post-lesson-reflection";
        LocalDate today = clock.today();
        String mine = reflection(T1, today);
        String colleagues = reflection(T2, today);

        Http.Reply early = http.post(path, school, Map.of("reflectionId", mine));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("session-planned");

        held(http, school, session);
        assertFieldError(http.post(path, school, Map.of("reflectionId", colleagues)), 422,
                "reflection-not-main-preparer", "reflectionId");
        assertFieldError(http.post(path, school, Map.of("reflectionId", "rfl-none")), 422, "reflection-unknown",
                "reflectionId");
        assertThat(http.post(path, teacher(T2), Map.of("reflectionId", mine)).status()).isEqualTo(403);
        assertThat(http.get("/api/activities/sessions/" + id, school).json().get("postLessonReflectionId").isNull())
                .isTrue();

        Http.Reply linked = http.post(path, teacher(T1), Map.of("reflectionId", mine));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("postLessonReflectionId").asString()).isEqualTo(mine);
        assertThat(http.post(path, teacher(T1), Map.of("reflectionId", mine)).status()).isEqualTo(200);
        String another = reflection(T1, today);
        Http.Reply again = http.post(path, teacher(T1), Map.of("reflectionId", another));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("reflection-already-linked");
    }

    @Test
    void minutesOfAHeldSessionAreVersionedAndPublishedWithoutTheirText() {
        Map<String, Object> themedBody = body(clock, "THEMED_RESEARCH", HOST, List.of(T2, T3), -3);
        themedBody.put("speakerId", T1);
        JsonNode session = created(http, school, themedBody);
        String id = session.get("id").asString();
        String path = "/api/activities/sessions/" + id + "/minutes";
        String text = "本次主题教研围绕单元整体教学设计展开，中心发言人介绍了大单元设计的思路，组内教师分别交流了各自的做法。";

        Http.Reply planned = http.post(path, school, Map.of("text", text));
        assertThat(planned.status()).isEqualTo(409);
        assertThat(planned.json().get("code").asString()).isEqualTo("session-planned");

        held(http, school, session);
        assertFieldError(http.post(path, school, Map.of("text", "太短")), 400, "Size", "text");
        assertThat(http.post(path, teacher(T2), Map.of("text", text)).status()).isEqualTo(403);

        Http.Reply first = http.post(path, teacher(HOST), Map.of("text", text));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String attachment = SessionFixtures.upload(port, school, "教研活动照片说明");
        Http.Reply second = http.post(path, school, Map.of("text", text + "补充：下次活动确定为试卷讲评课。",
                "attachmentIds", List.of(attachment)));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode minutes = second.json().get("minutes");
        assertThat(minutes).hasSize(2);
        assertThat(minutes.get(0).get("text").asString()).isEqualTo(text);
        assertThat(minutes.get(1).get("version").asInt()).isEqualTo(2);

        ConsumerRecord<String, CloudEvent> event = activityTopic.await(
                of(EventTypes.SESSION_MINUTES_RECORDED.name(), id).and(r -> data(r).get("version").asInt() == 2));
        schemaValid(event);
        assertThat(event.key()).isEqualTo(HOST);
        assertThat(data(event).get("wordCount").asInt()).isEqualTo(minutes.get(1).get("wordCount").asInt())
                .isGreaterThan(40);
        assertThat(data(event).has("text")).isFalse();

        // the speaker's attendance carries the contribution the credit rules pay for
        ConsumerRecord<String, CloudEvent> speaker = activityTopic.await(of(EventTypes.ATTENDANCE_RECORDED.name(), id)
                .and(r -> T1.equals(r.key())));
        schemaValid(speaker);
        assertThat(data(speaker).get("contribution").asString()).isEqualTo("SPEAKER");
        ConsumerRecord<String, CloudEvent> listener = activityTopic.await(of(EventTypes.ATTENDANCE_RECORDED.name(), id)
                .and(r -> T2.equals(r.key())));
        assertThat(data(listener).get("contribution").isNull()).isTrue();
        ConsumerRecord<String, CloudEvent> heldEvent = activityTopic.await(of(EventTypes.ACTIVITY_HELD.name(), id));
        schemaValid(heldEvent);
        assertThat(data(heldEvent).get("speakerId").asString()).isEqualTo(T1);
    }

    @Test
    void thePortfolioListsEachSessionOnceWithTheTeachersStrongestRole() {
        JsonNode preparation = preparation(-3);
        held(http, school, preparation);
        Map<String, Object> salonBody = body(clock, "SALON", HOST, List.of(T1), 48);
        JsonNode salon = created(http, school, salonBody);
        Map<String, Object> cancelledBody = body(clock, "SALON", HOST, List.of(T1), 48);
        JsonNode cancelled = created(http, school, cancelledBody);
        assertThat(http.post("/api/activities/sessions/" + cancelled.get("id").asString() + "/cancel", school,
                Map.of("reason", "调课")).status()).isEqualTo(200);

        LocalDate today = clock.today();
        List<PortfolioEntry> entries = portfolio.entries(T1, today.minusDays(2), today.plusDays(5));
        PortfolioEntry prepared = entries.stream().filter(e -> e.id().equals(preparation.get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(prepared.form()).isEqualTo("COLLECTIVE_PREPARATION");
        assertThat(prepared.role()).isEqualTo("MAIN_PREPARER");
        assertThat(prepared.status()).isEqualTo("HELD");
        assertThat(prepared.details()).containsEntry("mark", "PRESENT").containsEntry("attendedMinutes", 90);
        assertThat(prepared.path()).isEqualTo("/api/activities/sessions/" + preparation.get("id").asString());
        PortfolioEntry participated = entries.stream().filter(e -> e.id().equals(salon.get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(participated.role()).isEqualTo("PARTICIPANT");
        assertThat(participated.status()).isEqualTo("PLANNED");
        assertThat(entries).noneMatch(e -> e.id().equals(cancelled.get("id").asString()));
        assertThat(entries.stream().map(PortfolioEntry::id).distinct().count()).isEqualTo(entries.size());

        assertThat(portfolio.entries(HOST, today.minusDays(2), today.plusDays(5)))
                .filteredOn(e -> e.id().equals(preparation.get("id").asString()))
                .singleElement().extracting(PortfolioEntry::role).isEqualTo("HOST");
    }

    @Test
    void theListFiltersByFormLevelTeacherAndHostUnitAndSortsEitherWay() {
        Map<String, Object> lecture = body(clock, "LECTURE", HOST, List.of(T1), 30);
        lecture.put("speakerName", "市教科院 李老师");
        lecture.put("level", "TOWNSHIP");
        String lectureId = created(http, school, lecture).get("id").asString();
        Map<String, Object> salon = body(clock, "SALON", HOST, List.of(T3), 31);
        String salonId = created(http, school, salon).get("id").asString();

        List<String> lectures = http.get("/api/activities/sessions?form=LECTURE&level=TOWNSHIP&size=200", school)
                .json().get("items").findValuesAsString("id");
        assertThat(lectures).contains(lectureId).doesNotContain(salonId);
        List<String> ofT3 = http.get("/api/activities/sessions?teacherId=" + T3 + "&form=SALON&size=200", school)
                .json().get("items").findValuesAsString("id");
        assertThat(ofT3).contains(salonId).doesNotContain(lectureId);
        assertThat(http.get("/api/activities/sessions?hostUnit=COUNTY&size=200", school).json().get("total").asInt())
                .isZero();

        List<String> oldest = http.get("/api/activities/sessions?size=200", school).json().get("items")
                .findValuesAsString("plannedStart");
        List<String> newest = http.get("/api/activities/sessions?size=200&sort=newest", school).json().get("items")
                .findValuesAsString("plannedStart");
        assertThat(newest).hasSameSizeAs(oldest);
        assertThat(java.time.OffsetDateTime.parse(newest.get(0)))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(oldest.get(0)));
        Http.Reply badSort = http.get("/api/activities/sessions?sort=sideways", school);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(http.get("/api/activities/sessions?form=PICNIC", school).status()).isEqualTo(400);
    }
}
