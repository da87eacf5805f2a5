package cn.xiaoben.identity.authserver.clients;

import cn.xiaoben.identity.authserver.claims.RoleScopes;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The three kinds of clients the platform has, with their grants, scopes, token lifetimes and tenancy. */
public final class ClientTemplates {

    public static final List<String> BUREAU_SCOPES = List.of("directory:admin", "directory:read", "activity:read",
            "credit:read", "credit:admin", "report:read", "evaluation:read");
    /** A school's system also submits credit claims for its teachers ({@code credit:write}). */
    public static final List<String> SCHOOL_SCOPES = List.of("activity:write", "activity:read", "credit:read",
            "credit:write", "directory:read", "directory:write", "evaluation:read", "report:read").stream().sorted()
            .toList();
    /** Every scope a person can hold ({@link RoleScopes}): a person's token gets their role's share of these. */
    public static final List<String> WEB_SCOPES = RoleScopes.all();

    private final IdentityProperties properties;

    public ClientTemplates(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The bureau console: client credentials, district-wide, BUREAU_ADMIN. */
    public RegisteredClient bureau(String id, Instant issuedAt, String secretHash) {
        String districtId = properties.bootstrap().districtId();
        return RegisteredClient.withId(id)
                .clientId(properties.bootstrap().bureauClientId())
                .clientIdIssuedAt(issuedAt)
                .clientSecret(secretHash)
                .clientName("教育局管理端 (bureau console)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(BUREAU_SCOPES))
                .clientSettings(new ClientTenancy(districtId, null, null, List.of(Role.BUREAU_ADMIN.name()))
                        .applyTo(ClientSettings.builder()).build())
                .tokenSettings(tokens(properties.clientTokenTtl()))
                .build();
    }

    /** A school's own system: client credentials, scoped to that school, SCHOOL_SYSTEM. */
    public RegisteredClient school(String id, String clientId, Instant issuedAt, String secretHash, String schoolName,
                                   String districtId, String townshipId, String schoolId) {
        return RegisteredClient.withId(id)
                .clientId(clientId)
                .clientIdIssuedAt(issuedAt)
                .clientSecret(secretHash)
                .clientName(schoolName + " 校本系统")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(SCHOOL_SCOPES))
                .clientSettings(new ClientTenancy(districtId, townshipId, schoolId, List.of(Role.SCHOOL_SYSTEM.name()))
                        .applyTo(ClientSettings.builder()).build())
                .tokenSettings(tokens(properties.clientTokenTtl()))
                .build();
    }

    /** The browser client people sign in with: public, authorization code with PKCE, no consent screen. */
    public RegisteredClient web(String id, Instant issuedAt) {
        return RegisteredClient.withId(id)
                .clientId(properties.webClient().clientId())
                .clientIdIssuedAt(issuedAt)
                .clientName("校本研修平台 (web)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(u -> u.addAll(properties.webClient().redirectUris()))
                .postLogoutRedirectUris(u -> u.addAll(properties.webClient().redirectUris()))
                .scopes(s -> s.addAll(WEB_SCOPES))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens(properties.personTokenTtl()))
                .build();
    }

    private static TokenSettings tokens(Duration accessTokenTtl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .build();
    }
}
