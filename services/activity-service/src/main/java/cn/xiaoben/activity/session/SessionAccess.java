package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.TenantScope;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * Who may see and run a session. A session belongs to its host teacher's school ({@code schoolId}, as before), so
 * the school, its township and the bureau reach it as any record; a cross-school session (township or county level)
 * is also seen by every school (and township office) one of whose teachers takes part ({@code participantSchoolIds},
 * {@code participantTownshipIds}). Running it (open, codes, close, cancel, upload, corrections, minutes): the host
 * teacher, and the unit that organises it: the host school's staff or system for SCHOOL / GROUP sessions, the
 * township office (TOWNSHIP_ADMIN of that township) for TOWNSHIP sessions, the bureau or its experts (BUREAU_ADMIN,
 * EXPERT) for COUNTY sessions.
 */
final class SessionAccess {

    private SessionAccess() {
    }

    static boolean canRead(Caller caller, Document doc) {
        if (TenancyGuard.canReach(caller, SchoolRef.of(doc))) {
            return true;
        }
        if (caller.districtId() == null || !caller.districtId().equals(doc.getString("districtId"))) {
            return false;
        }
        return switch (caller.scope()) {
            case SCHOOL -> doc.getList("participantSchoolIds", String.class, List.of()).contains(caller.schoolId());
            case TOWNSHIP -> doc.getList("participantTownshipIds", String.class, List.of())
                    .contains(caller.townshipId());
            case DISTRICT -> true;
        };
    }

    static void requireRead(Caller caller, Document doc) {
        if (!canRead(caller, doc)) {
            throw TenancyGuard.outOfScope(doc.getString("schoolId"));
        }
    }

    /** The list filter matching {@link #canRead}. */
    static Bson readable(Caller caller) {
        return switch (caller.scope()) {
            case SCHOOL -> Filters.or(TenantFilters.reachableBy(caller), Filters.and(
                    Filters.eq("districtId", caller.districtId()),
                    Filters.eq("participantSchoolIds", caller.schoolId())));
            case TOWNSHIP -> Filters.or(TenantFilters.reachableBy(caller), Filters.and(
                    Filters.eq("districtId", caller.districtId()),
                    Filters.eq("participantTownshipIds", caller.townshipId())));
            case DISTRICT -> TenantFilters.reachableBy(caller);
        };
    }

    static HostUnit unit(Document doc) {
        String unit = doc.getString("hostUnit");
        return unit == null ? HostUnit.SCHOOL : HostUnit.valueOf(unit);
    }

    /** The organising unit acting: the host school's staff, the township office or the bureau / its experts. */
    static boolean isOrganiser(Caller caller, Document doc) {
        SchoolRef school = SchoolRef.of(doc);
        if (caller.districtId() == null || !caller.districtId().equals(school.districtId())) {
            return false;
        }
        return switch (unit(doc)) {
            case SCHOOL, GROUP -> caller.scope() == TenantScope.SCHOOL && caller.schoolId().equals(school.schoolId())
                    && caller.hasAnyOf(Role.GROUP_LEAD, Role.SCHOOL_ADMIN, Role.SCHOOL_SYSTEM);
            case TOWNSHIP -> caller.scope() == TenantScope.TOWNSHIP && caller.has(Role.TOWNSHIP_ADMIN)
                    && caller.townshipId().equals(school.townshipId());
            case COUNTY -> caller.scope() == TenantScope.DISTRICT && caller.hasAnyOf(Role.BUREAU_ADMIN, Role.EXPERT);
        };
    }

    static boolean isTeacher(Caller caller, String teacherId) {
        return teacherId != null && caller.has(Role.TEACHER) && teacherId.equals(caller.teacherId());
    }

    /** Host actions: the host teacher or the organising unit; 403 otherwise. */
    static void requireHost(Caller caller, Document doc) {
        requireHostOr(caller, doc, null);
    }

    /** Host actions, also open to one more teacher (the main preparer for the lesson plan). */
    static void requireHostOr(Caller caller, Document doc, String alsoTeacherId) {
        if (isTeacher(caller, doc.getString("hostId")) || isTeacher(caller, alsoTeacherId)
                || isOrganiser(caller, doc)) {
            return;
        }
        if (!canRead(caller, doc)) {
            throw TenancyGuard.outOfScope(doc.getString("schoolId"));
        }
        throw ApiProblem.forbidden("Only the host, or the unit that organises this session, may do this.",
                "只有主持人或本次活动的主办单位可以执行此操作。");
    }
}
