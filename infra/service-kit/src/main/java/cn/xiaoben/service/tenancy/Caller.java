package cn.xiaoben.service.tenancy;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the token says: the subject, its tenancy (district, township, school), its roles and, for a
 * teacher's own account, the teacher id. A token with a school id is scoped to that school; with only a township
 * id to that township's schools; with only a district id to the whole district.
 */
public record Caller(String subject, String districtId, String townshipId, String schoolId, String teacherId,
                     Set<Role> roles, Set<String> scopes) {

    public static final String DISTRICT_ID = "district_id";
    public static final String TOWNSHIP_ID = "township_id";
    public static final String SCHOOL_ID = "school_id";
    public static final String TEACHER_ID = "teacher_id";
    public static final String ROLES = "roles";

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(DISTRICT_ID), jwt.getClaimAsString(TOWNSHIP_ID),
                jwt.getClaimAsString(SCHOOL_ID), jwt.getClaimAsString(TEACHER_ID), roles(jwt), scopes(jwt));
    }

    public TenantScope scope() {
        if (schoolId != null) {
            return TenantScope.SCHOOL;
        }
        if (townshipId != null) {
            return TenantScope.TOWNSHIP;
        }
        return TenantScope.DISTRICT;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyOf(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES);
        if (names == null) {
            return Set.of();
        }
        return names.stream().flatMap(n -> {
            try {
                return java.util.stream.Stream.of(Role.valueOf(n));
            } catch (IllegalArgumentException unknown) {
                return java.util.stream.Stream.empty();
            }
        }).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String s) {
            return Set.of(s.split(" "));
        }
        if (scope instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
