package cn.xiaoben.identity.authserver.clients;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import java.util.List;
import java.util.Map;

/**
 * Who a client-credentials client acts for: its district, township, school and roles. Kept in the client's settings
 * and copied into each of its tokens.
 */
public record ClientTenancy(String districtId, String townshipId, String schoolId, List<String> roles) {

    static final String DISTRICT_ID = "xiaoben.tenancy.district-id";
    static final String TOWNSHIP_ID = "xiaoben.tenancy.township-id";
    static final String SCHOOL_ID = "xiaoben.tenancy.school-id";
    static final String ROLES = "xiaoben.tenancy.roles";

    public ClientTenancy {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The tenancy a client carries, or null for clients acting for people (the web client). */
    @SuppressWarnings("unchecked")
    public static ClientTenancy of(RegisteredClient client) {
        Map<String, Object> settings = client.getClientSettings().getSettings();
        Object roles = settings.get(ROLES);
        if (roles == null) {
            return null;
        }
        return new ClientTenancy((String) settings.get(DISTRICT_ID), (String) settings.get(TOWNSHIP_ID),
                (String) settings.get(SCHOOL_ID), (List<String>) roles);
    }

    /** Adds this tenancy to client settings being built. */
    public ClientSettings.Builder applyTo(ClientSettings.Builder settings) {
        return settings.settings(s -> {
            putIfPresent(s, DISTRICT_ID, districtId);
            putIfPresent(s, TOWNSHIP_ID, townshipId);
            putIfPresent(s, SCHOOL_ID, schoolId);
            s.put(ROLES, roles);
        });
    }

    private static void putIfPresent(Map<String, Object> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }
}
