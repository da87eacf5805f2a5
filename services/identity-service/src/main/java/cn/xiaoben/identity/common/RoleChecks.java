package cn.xiaoben.identity.common;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which roles may do what; a caller without one of them gets 403 problem+json. */
public final class RoleChecks {

    private RoleChecks() {
    }

    public static void requireAny(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.has(role)) {
                return;
            }
        }
        String names = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(", "));
        throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                "This needs one of the roles " + names + ".", "此操作需要以下角色之一：" + names + "。");
    }
}
