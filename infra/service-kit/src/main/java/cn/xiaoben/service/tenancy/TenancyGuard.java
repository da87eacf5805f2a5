package cn.xiaoben.service.tenancy;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.service.problem.ApiProblem;

/**
 * The one tenancy check every service runs on every request, whatever the gateway already checked: a school sees and
 * writes only its own data, a township its schools, the bureau its district.
 */
public final class TenancyGuard {

    private TenancyGuard() {
    }

    public static boolean canReach(Caller caller, SchoolRef school) {
        if (caller.districtId() == null || !caller.districtId().equals(school.districtId())) {
            return false;
        }
        return switch (caller.scope()) {
            case SCHOOL -> caller.schoolId().equals(school.schoolId());
            case TOWNSHIP -> caller.townshipId().equals(school.townshipId());
            case DISTRICT -> true;
        };
    }

    public static void requireReach(Caller caller, SchoolRef school) {
        if (!canReach(caller, school)) {
            throw outOfScope(school.schoolId());
        }
    }

    /** For callers scoped to one school: a cheap check that needs no directory lookup. */
    public static void requireSameSchoolIfSchoolScoped(Caller caller, String schoolId) {
        if (caller.scope() == TenantScope.SCHOOL && !caller.schoolId().equals(schoolId)) {
            throw outOfScope(schoolId);
        }
    }

    public static ApiProblem outOfScope(String schoolId) {
        return ApiProblem.of(Problem.outOfScope(schoolId));
    }
}
