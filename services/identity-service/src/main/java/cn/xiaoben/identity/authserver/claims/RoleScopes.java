package cn.xiaoben.identity.authserver.claims;

import cn.xiaoben.service.tenancy.Role;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of which scopes a person's token carries, by the role of their account (the identity canvas shows
 * it). A person's token gets their role's scopes that the client is registered for, whatever the sign-in asked for
 * (asking for less narrows nothing, asking for more gets nothing more). Client-credentials tokens keep the scopes of
 * their client ({@code ClientTemplates}).
 */
public final class RoleScopes {

    /** What every person does: read the directory, take part in activities, claim credit, evaluate, read reports. */
    private static final List<String> PERSON = List.of(OidcScopes.OPENID, OidcScopes.PROFILE, "directory:read",
            "activity:read", "activity:write", "credit:read", "credit:write", "evaluation:read", "evaluation:write",
            "report:read");
    /** School, group and township staff also register teachers and groups and move teachers. */
    private static final List<String> STAFF = List.of("directory:write");
    /** The bureau also administers the directory and the credit rules. */
    private static final List<String> BUREAU = List.of("directory:admin", "credit:admin");

    private static final Map<Role, Set<String>> BY_ROLE = table();

    private RoleScopes() {
    }

    private static Map<Role, Set<String>> table() {
        Map<Role, Set<String>> table = new EnumMap<>(Role.class);
        table.put(Role.TEACHER, scopes(PERSON));
        table.put(Role.EXPERT, scopes(PERSON));
        table.put(Role.GROUP_LEAD, scopes(PERSON, STAFF));
        table.put(Role.SCHOOL_ADMIN, scopes(PERSON, STAFF));
        table.put(Role.TOWNSHIP_ADMIN, scopes(PERSON, STAFF));
        table.put(Role.BUREAU_ADMIN, scopes(PERSON, STAFF, BUREAU));
        table.put(Role.SCHOOL_SYSTEM, Set.of());
        return table;
    }

    @SafeVarargs
    private static Set<String> scopes(List<String>... parts) {
        Set<String> all = new TreeSet<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return Set.copyOf(all);
    }

    /** The scopes of a role, sorted. */
    public static List<String> of(Role role) {
        return List.copyOf(new TreeSet<>(BY_ROLE.getOrDefault(role, Set.of())));
    }

    /** Every scope some person can hold, sorted: what the web client is registered for. */
    public static List<String> all() {
        Set<String> all = new TreeSet<>();
        BY_ROLE.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The role's scopes the client is registered for (a mutable, sorted set: Spring stores it as it is). */
    public static Set<String> granted(Role role, Collection<String> clientScopes) {
        Set<String> granted = new TreeSet<>(BY_ROLE.getOrDefault(role, Set.of()));
        granted.retainAll(clientScopes);
        return granted;
    }
}
