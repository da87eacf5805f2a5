package cn.xiaoben.identity.directory.teacher;

import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.Ids;
import cn.xiaoben.identity.directory.DirectoryAccess;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.identity.directory.group.SubjectGroupService;
import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.school.SchoolRecord;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.web.PageResponse;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;

/** Teachers: registered by their school (or the bureau), with a {@code TeacherRegistered} event keyed by teacher. */
public class TeacherService {

    private final TeacherStore teachers;
    private final SchoolDirectory schools;
    private final SubjectGroupService groups;
    private final EventOutbox outbox;
    private final Clock clock;

    public TeacherService(TeacherStore teachers, SchoolDirectory schools, SubjectGroupService groups,
                          EventOutbox outbox, Clock clock) {
        this.teachers = teachers;
        this.schools = schools;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registered(TeacherView teacher, boolean replayed) {
    }

    public Registered register(Caller caller, String schoolId, RegisterTeacherRequest request, String idempotencyKey) {
        SchoolRecord school = schools.reachable(caller, schoolId);
        DirectoryAccess.requireSchoolWriter(caller, school.ref());
        if (request.subjectGroupId() != null && !groups.belongsTo(request.subjectGroupId(), school.id())) {
            throw SubjectGroupService.unknownGroup(request.subjectGroupId(), school.id());
        }
        String id = Ids.next("tch");
        Instant now = Dates.now(clock);
        Document doc = new Document("_id", id).append("districtId", school.districtId())
                .append("townshipId", school.townshipId()).append("schoolId", school.id())
                .append("name", request.name()).append("gender", request.gender())
                .append("subject", request.subject()).append("subjectGroupId", request.subjectGroupId())
                .append("title", request.title()).append("birthYear", request.birthYear())
                .append("registeredAt", Dates.toDate(now));
        outbox.attach(doc, new TeacherRegistered(id, school.districtId(), school.townshipId(), school.id(),
                request.name(), request.gender(), request.subject(), request.subjectGroupId(), request.title(),
                request.birthYear(), now));
        IdempotentInserts.Outcome outcome = IdempotentInserts.insert(teachers.collection(), doc, school.id(),
                idempotencyKey, request);
        if (!outcome.replayed()) {
            outbox.publishSoon(DirectoryCollections.TEACHERS, id);
        }
        return new Registered(TeacherStore.view(outcome.document()), outcome.replayed());
    }

    public PageResponse<TeacherView> list(Caller caller, String schoolId, int page, int size) {
        SchoolRecord school = schools.reachable(caller, schoolId);
        return new PageResponse<>(teachers.page(school.id(), page, size), page, size, teachers.count(school.id()));
    }

    public TeacherView get(Caller caller, String teacherId) {
        TeacherView teacher = teachers.find(teacherId)
                .orElseThrow(() -> ApiProblem.notFound("Teacher", "教师", teacherId));
        TenancyGuard.requireSameSchoolIfSchoolScoped(caller, teacher.schoolId());
        SchoolRecord school = schools.find(teacher.schoolId())
                .orElseThrow(() -> ApiProblem.notFound("School", "学校", teacher.schoolId()));
        TenancyGuard.requireReach(caller, school.ref());
        return teacher;
    }
}
