package cn.xiaoben.identity.directory;

import cn.xiaoben.identity.common.RoleChecks;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;

/** Who may change what in the directory, on top of {@link TenancyGuard}'s reach. */
public final class DirectoryAccess {

    private DirectoryAccess() {
    }

    /** Subject groups and teachers of a school: its own system or administrator, or the bureau. */
    public static void requireSchoolWriter(Caller caller, SchoolRef school) {
        TenancyGuard.requireSameSchoolIfSchoolScoped(caller, school.schoolId());
        RoleChecks.requireAny(caller, Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.BUREAU_ADMIN);
        TenancyGuard.requireReach(caller, school);
    }

    /** Townships, schools and accounts: the bureau of a district. */
    public static String requireBureauDistrict(Caller caller) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN);
        if (caller.districtId() == null) {
            throw ApiProblem.forbidden("Your token names no district.", "您的令牌未包含所属县（区）。");
        }
        return caller.districtId();
    }
}
