package cn.xiaoben.identity;

import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TeacherTransferred;
import cn.xiaoben.contracts.directory.TownshipRegistered;
import cn.xiaoben.identity.support.DirectoryEvents;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Response;
import cn.xiaoben.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryApiTest extends IdentityTestBase {

    private DirectoryEvents events;

    @BeforeEach
    void events() {
        events = new DirectoryEvents(bootstrapServers);
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void registersTheDirectoryAndPublishesEachStepOnTheDirectoryTopic() {
        String bureau = bureauToken();

        JsonNode township = township(bureau, unique("城关镇"));
        String townshipId = township.get("id").asString();
        assertThat(township.get("districtId").asString()).isEqualTo(DISTRICT);
        TownshipRegistered townshipEvent = data(events.await(EventTypes.TOWNSHIP_REGISTERED.name(), townshipId),
                TownshipRegistered.class);
        assertThat(townshipEvent.name()).isEqualTo(township.get("name").asString());

        JsonNode school = school(bureau, townshipId, unique("城关中学"));
        String schoolId = school.get("id").asString();
        assertThat(school.get("townshipId").asString()).isEqualTo(townshipId);
        assertThat(school.get("districtId").asString()).isEqualTo(DISTRICT);
        assertThat(school.get("stage").asString()).isEqualTo("初中");
        assertThat(school.get("client").get("clientSecret").asString()).hasSizeGreaterThan(30);
        SchoolRegistered schoolEvent = data(events.await(EventTypes.SCHOOL_REGISTERED.name(), schoolId),
                SchoolRegistered.class);
        assertThat(schoolEvent.townshipId()).isEqualTo(townshipId);
        assertThat(schoolEvent.stage()).isEqualTo("初中");

        String schoolToken = schoolToken(school);
        JsonNode group = group(schoolToken, schoolId, "数学教研组", "数学");
        String groupId = group.get("id").asString();
        SubjectGroupRegistered groupEvent = data(events.await(EventTypes.SUBJECT_GROUP_REGISTERED.name(), groupId),
                SubjectGroupRegistered.class);
        assertThat(groupEvent.schoolId()).isEqualTo(schoolId);
        assertThat(api.get("/api/directory/schools/" + schoolId + "/subject-groups", schoolToken).json().get(0)
                .get("id").asString()).isEqualTo(groupId);

        Response created = registerTeacher(schoolToken, schoolId, "王老师", groupId, Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode teacher = created.json();
        String teacherId = teacher.get("id").asString();
        assertThat(teacher.get("schoolId").asString()).isEqualTo(schoolId);
        assertThat(teacher.get("townshipId").asString()).isEqualTo(townshipId);
        assertThat(teacher.get("districtId").asString()).isEqualTo(DISTRICT);
        assertThat(created.header("Location")).isEqualTo("/api/directory/teachers/" + teacherId);

        ConsumerRecord<String, CloudEvent> record = events.await(EventTypes.TEACHER_REGISTERED.name(), teacherId);
        assertThat(record.key()).isEqualTo(teacherId);
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("cn.xiaoben.directory.teacher.registered.v1");
        assertThat(record.value().getSource().toString()).isEqualTo("/xiaoben/identity-service");
        TeacherRegistered teacherEvent = data(record, TeacherRegistered.class);
        assertThat(teacherEvent.schoolId()).isEqualTo(schoolId);
        assertThat(teacherEvent.subjectGroupId()).isEqualTo(groupId);
        assertThat(teacherEvent.name()).isEqualTo("王老师");
        assertThat(teacherEvent.birthYear()).isEqualTo(1986);

        Response page = api.get("/api/directory/schools/" + schoolId + "/teachers?page=0&size=10", schoolToken);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().get("page").asInt()).isZero();
        assertThat(page.json().get("size").asInt()).isEqualTo(10);
        assertThat(page.json().get("items").get(0).get("id").asString()).isEqualTo(teacherId);
        assertThat(api.get("/api/directory/teachers/" + teacherId, bureau).json().get("name").asString())
                .isEqualTo("王老师");
    }

    @Test
    void anotherSchoolsTeachersAreOutOfScope() {
        String bureau = bureauToken();
        SchoolSetup mine = newSchool(bureau);
        SchoolSetup theirs = newSchool(bureau);
        String theirTeacher = registerTeacher(theirs.token(), theirs.schoolId(), "李老师", null, Map.of())
                .json().get("id").asString();

        Response list = api.get("/api/directory/schools/" + theirs.schoolId() + "/teachers", mine.token());
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.contentType()).startsWith("application/problem+json");
        assertThat(list.json().get("code").asString()).isEqualTo("out-of-scope");
        assertThat(list.json().get("detailZh").asString()).isNotBlank();

        assertThat(api.get("/api/directory/teachers/" + theirTeacher, mine.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/directory/schools/" + theirs.schoolId(), mine.token()).status()).isEqualTo(403);
        assertThat(registerTeacher(mine.token(), theirs.schoolId(), "张老师", null, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/directory/schools", mine.token()).json()).hasSize(1);
        assertThat(api.get("/api/directory/schools/sch-unknown", bureau).status()).isEqualTo(404);
    }

    @Test
    void noTokenOrAForeignTokenIs401ProblemJson() {
        Response anonymous = api.get("/api/directory/townships", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        JsonNode problem = anonymous.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).startsWith("https://xiaoben.cn/problems/");
        assertThat(problem.get("titleZh").asString()).isNotBlank();
        assertThat(anonymous.header("X-Request-Id")).isNotBlank();

        Response forged = api.get("/api/directory/townships", TestTokens.bureau(DISTRICT));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("invalid-token");
    }

    @Test
    void badBodiesAre400WithFieldErrors() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);

        Response school = api.post("/api/directory/schools", bureau,
                Map.of("townshipId", setup.townshipId(), "name", "", "stage", "大学"));
        assertThat(school.status()).isEqualTo(400);
        assertThat(school.contentType()).startsWith("application/problem+json");
        assertThat(fields(school)).containsExactlyInAnyOrder("name", "stage");
        JsonNode stage = field(school, "stage");
        assertThat(stage.get("message").asString()).contains("九年一贯制");
        assertThat(stage.get("messageZh").asString()).contains("须为");

        Response teacher = api.post("/api/directory/schools/" + setup.schoolId() + "/teachers", setup.token(),
                Map.of("name", "赵老师", "gender", "X", "subject", "语文", "birthYear", 1800));
        assertThat(teacher.status()).isEqualTo(400);
        assertThat(fields(teacher)).containsExactlyInAnyOrder("gender", "birthYear");

        Response unknownField = api.post("/api/directory/townships", bureau, Map.of("name", "x", "mayor", "y"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(fields(unknownField)).containsExactly("mayor");

        Response malformed = api.post("/api/directory/townships", bureau, "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("malformed-body");
    }

    @Test
    void duplicatesAre409() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String name = setup.school().get("name").asString();

        Response school = api.post("/api/directory/schools", bureau,
                Map.of("townshipId", setup.townshipId(), "name", name, "stage", "小学"));
        assertThat(school.status()).isEqualTo(409);
        assertThat(school.json().get("code").asString()).isEqualTo("school-exists");

        String townshipName = unique("镇");
        township(bureau, townshipName);
        assertThat(api.post("/api/directory/townships", bureau, Map.of("name", townshipName)).status())
                .isEqualTo(409);

        group(setup.token(), setup.schoolId(), "语文教研组", "语文");
        assertThat(api.post("/api/directory/schools/" + setup.schoolId() + "/subject-groups", setup.token(),
                Map.of("name", "语文教研组", "subject", "语文")).status()).isEqualTo(409);
    }

    @Test
    void idempotencyKeyRetryCreatesOneTeacher() {
        SchoolSetup setup = newSchool(bureauToken());
        Map<String, String> key = Map.of("Idempotency-Key", "teacher-7f3a");

        Response first = registerTeacher(setup.token(), setup.schoolId(), "陈老师", null, key);
        Response retry = registerTeacher(setup.token(), setup.schoolId(), "陈老师", null, key);
        Response reuse = registerTeacher(setup.token(), setup.schoolId(), "周老师", null, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        String teacherId = first.json().get("id").asString();
        assertThat(retry.json().get("id").asString()).isEqualTo(teacherId);
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(api.get("/api/directory/schools/" + setup.schoolId() + "/teachers", setup.token()).json()
                .get("total").asLong()).isEqualTo(1);
        events.await(EventTypes.TEACHER_REGISTERED.name(), teacherId);
        assertThat(events.all(EventTypes.TEACHER_REGISTERED.name(), teacherId)).hasSize(1);
    }

    @Test
    void bureauTransfersATeacherWithOneEventKeyedByTeacher() {
        String bureau = bureauToken();
        SchoolSetup from = newSchool(bureau);
        SchoolSetup to = newSchool(bureau);
        String groupId = group(to.token(), to.schoolId(), "英语教研组", "英语").get("id").asString();
        String teacherId = registerTeacher(from.token(), from.schoolId(), "刘老师", null, Map.of())
                .json().get("id").asString();

        Response denied = api.post("/api/directory/teachers/" + teacherId + "/transfers", from.token(),
                Map.of("toSchoolId", to.schoolId()));
        assertThat(denied.status()).isEqualTo(403);

        Response moved = api.post("/api/directory/teachers/" + teacherId + "/transfers", bureau,
                Map.of("toSchoolId", to.schoolId(), "subjectGroupId", groupId));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("schoolId").asString()).isEqualTo(to.schoolId());

        ConsumerRecord<String, CloudEvent> record = events.await(EventTypes.TEACHER_TRANSFERRED.name(), teacherId);
        assertThat(record.key()).isEqualTo(teacherId);
        TeacherTransferred event = data(record, TeacherTransferred.class);
        assertThat(event.fromSchoolId()).isEqualTo(from.schoolId());
        assertThat(event.toSchoolId()).isEqualTo(to.schoolId());
        assertThat(event.toTownshipId()).isEqualTo(to.townshipId());
        assertThat(event.subjectGroupId()).isEqualTo(groupId);

        assertThat(api.get("/api/directory/teachers/" + teacherId, from.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/directory/teachers/" + teacherId, to.token()).status()).isEqualTo(200);
        Response again = api.post("/api/directory/teachers/" + teacherId + "/transfers", bureau,
                Map.of("toSchoolId", to.schoolId()));
        assertThat(again.status()).isEqualTo(422);
    }

    @Test
    void onlyTheBureauRegistersTownshipsSchoolsAndAccounts() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);

        Response township = api.post("/api/directory/townships", setup.token(), Map.of("name", unique("镇")));
        assertThat(township.status()).isEqualTo(403);
        assertThat(township.json().get("code").asString()).isEqualTo("forbidden");

        String username = unique("teacher").replace("-", ".");
        String teacherId = registerTeacher(setup.token(), setup.schoolId(), "孙老师", null, Map.of())
                .json().get("id").asString();
        Map<String, Object> account = Map.of("username", username, "password", "s3cret-pass",
                "displayName", "孙老师", "role", "TEACHER", "schoolId", setup.schoolId(), "teacherId", teacherId);
        assertThat(api.post("/api/directory/accounts", setup.token(), account).status()).isEqualTo(403);

        Response created = api.post("/api/directory/accounts", bureau, account);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("townshipId").asString()).isEqualTo(setup.townshipId());
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.text()).doesNotContain("s3cret-pass");
        assertThat(api.post("/api/directory/accounts", bureau, account).status()).isEqualTo(409);

        Response missingSchool = api.post("/api/directory/accounts", bureau, Map.of("username", unique("x"),
                "password", "s3cret-pass", "displayName", "x", "role", "SCHOOL_ADMIN"));
        assertThat(missingSchool.status()).isEqualTo(400);
        assertThat(fields(missingSchool)).containsExactly("schoolId");
    }

    private static <T> T data(ConsumerRecord<String, CloudEvent> record, Class<T> type) {
        return EventJson.read(record.value().getData().toBytes(), type);
    }

    private static List<String> fields(Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static JsonNode field(Response response, String name) {
        return response.json().get("errors").valueStream().filter(e -> e.get("field").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
