package cn.xiaoben.reporting.area;

import cn.xiaoben.reporting.directory.TownshipEntry;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.TenantScope;

/**
 * Who may read area reports: a township office its own township, the bureau every township of its district and the
 * district itself. School-scoped tokens (systems, staff, teachers) never.
 */
final class AreaAccess {

    private AreaAccess() {
    }

    /** Checks what the token alone decides, before the township is looked up (no probing for ids). */
    static void requireTownshipReader(Caller caller, String townshipId) {
        if (caller.scope() == TenantScope.SCHOOL || !caller.hasAnyOf(Role.TOWNSHIP_ADMIN, Role.BUREAU_ADMIN)) {
            throw ApiProblem.forbidden("Township reports are for the township office and the bureau.",
                    "镇级报表仅限镇教育组和教育局查看。");
        }
        if (caller.scope() == TenantScope.TOWNSHIP && !caller.townshipId().equals(townshipId)) {
            throw outOfScope(townshipId);
        }
    }

    static void requireReach(Caller caller, TownshipEntry township) {
        if (caller.districtId() == null || !caller.districtId().equals(township.districtId())) {
            throw outOfScope(township.townshipId());
        }
    }

    static void requireDistrictReader(Caller caller) {
        if (caller.scope() != TenantScope.DISTRICT || !caller.has(Role.BUREAU_ADMIN) || caller.districtId() == null) {
            throw ApiProblem.forbidden("The district report is for the education bureau.", "县级报表仅限教育局查看。");
        }
    }

    private static ApiProblem outOfScope(String townshipId) {
        return ApiProblem.forbidden("Township " + townshipId + " is outside the scope of your token.",
                "乡镇 " + townshipId + " 不在您的权限范围内。");
    }
}
