package cn.xiaoben.identity.directory.transfer;

import cn.xiaoben.contracts.directory.TeacherTransferred;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.RoleChecks;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.identity.directory.group.SubjectGroupService;
import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.school.SchoolRecord;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.directory.teacher.TeacherView;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.TenancyGuard;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;

/**
 * Moves a teacher to another school. The bureau may move anyone within its district, a township only between its
 * own schools. The teacher's new placement, a history entry and the {@code TeacherTransferred} event are one update,
 * guarded by the school the teacher was read at (a concurrent transfer makes the second one a 409).
 */
public class TransferService {

    private final TeacherStore teachers;
    private final SchoolDirectory schools;
    private final SubjectGroupService groups;
    private final EventOutbox outbox;
    private final Clock clock;

    public TransferService(TeacherStore teachers, SchoolDirectory schools, SubjectGroupService groups,
                           EventOutbox outbox, Clock clock) {
        this.teachers = teachers;
        this.schools = schools;
        this.groups = groups;
        this.outbox = outbox;
        this.clock = clock;
    }

    public TeacherView transfer(Caller caller, String teacherId, TransferTeacherRequest request) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN, Role.TOWNSHIP_ADMIN);
        TeacherView teacher = teachers.find(teacherId)
                .orElseThrow(() -> ApiProblem.notFound("Teacher", "教师", teacherId));
        SchoolRecord from = schools.find(teacher.schoolId())
                .orElseThrow(() -> ApiProblem.notFound("School", "学校", teacher.schoolId()));
        TenancyGuard.requireReach(caller, from.ref());
        SchoolRecord to = schools.find(request.toSchoolId())
                .orElseThrow(() -> ApiProblem.unprocessable("school-unknown", "toSchoolId",
                        "School " + request.toSchoolId() + " does not exist.",
                        "学校 " + request.toSchoolId() + " 不存在。"));
        TenancyGuard.requireReach(caller, to.ref());
        if (to.id().equals(from.id())) {
            throw ApiProblem.unprocessable("same-school", "toSchoolId",
                    "The teacher already works at school " + to.id() + ".", "该教师已在学校 " + to.id() + " 任教。");
        }
        if (request.subjectGroupId() != null && !groups.belongsTo(request.subjectGroupId(), to.id())) {
            throw SubjectGroupService.unknownGroup(request.subjectGroupId(), to.id());
        }
        Instant now = Dates.now(clock);
        TeacherTransferred event = new TeacherTransferred(teacherId, to.districtId(), from.id(), to.id(),
                to.townshipId(), request.subjectGroupId(), now);
        long matched = teachers.collection().updateOne(
                Filters.and(Filters.eq("_id", teacherId), Filters.eq("schoolId", from.id())),
                Updates.combine(
                        Updates.set("schoolId", to.id()),
                        Updates.set("townshipId", to.townshipId()),
                        Updates.set("districtId", to.districtId()),
                        Updates.set("subjectGroupId", request.subjectGroupId()),
                        Updates.push("transfers", new Document("fromSchoolId", from.id())
                                .append("toSchoolId", to.id()).append("at", Dates.toDate(now))
                                .append("by", caller.subject())),
                        outbox.append(event))).getMatchedCount();
        if (matched == 0) {
            throw ApiProblem.conflict("teacher-moved", "The teacher was moved by someone else meanwhile; reload.",
                    "该教师刚被他人调动，请刷新后重试。");
        }
        outbox.publishSoon(DirectoryCollections.TEACHERS, teacherId);
        return teachers.find(teacherId).orElseThrow();
    }
}
