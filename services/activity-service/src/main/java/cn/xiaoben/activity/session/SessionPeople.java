package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.TenantScope;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who plans a session and who may take part, by host unit:
 *
 * <ul>
 * <li>SCHOOL / GROUP: the school (its system, admin, group lead) or a teacher planning a session they host; the host
 * is a teacher of the caller's school; participants of other schools (of the district) only when the level is above
 * SCHOOL (422 {@code participant-not-in-school}). GROUP names a subject group of the host's school.</li>
 * <li>TOWNSHIP: the township office (TOWNSHIP_ADMIN of the host's township); host and participants are teachers of
 * that township (422 {@code teacher-not-in-township} / {@code participant-not-in-township}).</li>
 * <li>COUNTY: the bureau (BUREAU_ADMIN) or its research staff (EXPERT); host and participants of the district.</li>
 * </ul>
 * The teachers the form names (speaker, main preparer, teaching teachers) take part: they are added to the
 * participants unless they host, and must be reachable by the same rule (the error names their field).
 */
final class SessionPeople {

    private SessionPeople() {
    }

    /** Checks the caller may plan a session of this unit with this host; the host. */
    static TeacherRef host(Caller caller, SessionRequests.Create request, DirectoryReplica directory) {
        HostUnit unit = request.unit();
        switch (unit) {
            case SCHOOL, GROUP -> {
                if (caller.scope() != TenantScope.SCHOOL || !caller.hasAnyOf(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN,
                        Role.GROUP_LEAD, Role.TEACHER)) {
                    throw ApiProblem.forbidden(
                            "Only a school (its system, staff or the hosting teacher) plans its sessions.",
                            "只有学校（学校系统、管理人员或主持教师）可以安排本校的研修活动。");
                }
                if (!caller.hasAnyOf(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD)
                        && !request.hostId().equals(caller.teacherId())) {
                    throw ApiProblem.forbidden("A teacher may only plan sessions they host.", "教师只能安排由本人主持的研修活动。");
                }
            }
            case TOWNSHIP -> {
                if (caller.scope() != TenantScope.TOWNSHIP || !caller.has(Role.TOWNSHIP_ADMIN)) {
                    throw ApiProblem.forbidden("Township sessions are planned by the township education office.",
                            "镇级主办的活动由镇教育组安排。");
                }
            }
            case COUNTY -> {
                if (caller.scope() != TenantScope.DISTRICT || !caller.hasAnyOf(Role.BUREAU_ADMIN, Role.EXPERT)) {
                    throw ApiProblem.forbidden("County sessions are planned by the education bureau or its research staff.",
                            "县级主办的活动由教育局或教研室安排。");
                }
            }
        }
        TeacherRef host = directory.knownTeacher(request.hostId(), "hostId");
        boolean inReach = switch (unit) {
            case SCHOOL, GROUP -> host.schoolId().equals(caller.schoolId());
            case TOWNSHIP -> host.districtId().equals(caller.districtId())
                    && host.townshipId().equals(caller.townshipId());
            case COUNTY -> host.districtId().equals(caller.districtId());
        };
        if (!inReach) {
            String code = switch (unit) {
                case SCHOOL, GROUP -> "teacher-not-in-school";
                case TOWNSHIP -> "teacher-not-in-township";
                case COUNTY -> "teacher-not-in-district";
            };
            String where = switch (unit) {
                case SCHOOL, GROUP -> "your school";
                case TOWNSHIP -> "your township";
                case COUNTY -> "your district";
            };
            String whereZh = switch (unit) {
                case SCHOOL, GROUP -> "本校";
                case TOWNSHIP -> "本镇";
                case COUNTY -> "本县";
            };
            throw ApiProblem.unprocessable(code, "hostId", "Teacher " + host.teacherId() + " does not belong to " + where
                    + ".", "教师 " + host.teacherId() + " 不属于" + whereZh + "。");
        }
        if (unit == HostUnit.GROUP) {
            Document group = directory.collection(DirectoryReplica.GROUPS)
                    .find(Filters.eq("_id", request.subjectGroupId())).first();
            if (group == null || !host.schoolId().equals(group.getString("schoolId"))) {
                throw ApiProblem.unprocessable("group-unknown", "subjectGroupId",
                        "Subject group " + request.subjectGroupId() + " is not a group of the host's school.",
                        "教研组 " + request.subjectGroupId() + " 不是主持人所在学校的教研组。");
            }
        }
        return host;
    }

    /**
     * The participants: those listed, then the teachers the form names (unless listed or hosting), each once; 422
     * naming every field whose teacher is unknown or out of reach.
     */
    static List<TeacherRef> participants(DirectoryReplica directory, List<String> ids, SessionDetails details,
                                         TeacherRef host, ActivityLevel level) {
        List<String[]> wanted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            wanted.add(new String[]{ids.get(i), "participantIds[" + i + "]"});
        }
        wanted.addAll(details.namedTeachers());
        List<TeacherRef> result = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String[] w : wanted) {
            String teacherId = w[0];
            String field = w[1];
            boolean isHost = teacherId.equals(host.teacherId());
            if (!isHost && seen.contains(teacherId)) {
                continue;
            }
            Optional<TeacherRef> teacher = isHost ? Optional.of(host) : directory.teacher(teacherId);
            if (teacher.isEmpty()) {
                problems.add(new FieldProblem(field, "teacher-unknown", "Teacher " + teacherId + " is not known (yet).",
                        "教师 " + teacherId + " 尚未登记。"));
                continue;
            }
            Optional<FieldProblem> outOfReach = reach(teacher.get(), host, details.hostUnit(), level, field);
            if (outOfReach.isPresent()) {
                problems.add(outOfReach.get());
            } else if (!isHost) {
                seen.add(teacherId);
                result.add(teacher.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, problems.get(0).code(),
                    "Some participants cannot take part in this session.", "部分参加人员不能参加本次活动。", problems);
        }
        return result;
    }

    private static Optional<FieldProblem> reach(TeacherRef teacher, TeacherRef host, HostUnit unit, ActivityLevel level,
                                                String field) {
        String id = teacher.teacherId();
        boolean sameDistrict = teacher.districtId().equals(host.districtId());
        if (unit == HostUnit.TOWNSHIP && (!sameDistrict || !teacher.townshipId().equals(host.townshipId()))) {
            return Optional.of(new FieldProblem(field, "participant-not-in-township",
                    "Teacher " + id + " teaches in another township; a township session takes the township's teachers.",
                    "教师 " + id + " 属于其他乡镇；镇级活动只能邀请本镇教师参加。"));
        }
        if (!sameDistrict || (unit != HostUnit.TOWNSHIP && unit != HostUnit.COUNTY && !level.crossesSchools()
                && !teacher.schoolId().equals(host.schoolId()))) {
            return Optional.of(new FieldProblem(field, "participant-not-in-school",
                    "Teacher " + id + " belongs to another school; only township- or county-level sessions "
                            + "take participants from other schools.",
                    "教师 " + id + " 属于其他学校；只有镇级或县级活动可以邀请外校教师参加。"));
        }
        return Optional.empty();
    }
}
