package cn.xiaoben.identity.authserver.claims;

import cn.xiaoben.identity.accounts.Account;
import cn.xiaoben.identity.accounts.AccountStore;
import cn.xiaoben.identity.authserver.clients.ClientTenancy;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.directory.teacher.TeacherView;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;
import java.util.Optional;

/**
 * Puts the caller's tenancy into every access token (and ID token): {@code district_id}, {@code township_id},
 * {@code school_id}, {@code teacher_id}, {@code roles}, the claim names {@link Caller} reads. Client-credentials
 * tokens take them from the client; people's tokens from their account, a teacher's school from where the teacher
 * works now (transfers included). {@code scope} is written as one space-delimited string (RFC 9068).
 */
public class TenancyClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AccountStore accounts;
    private final TeacherStore teachers;

    public TenancyClaimsCustomizer(AccountStore accounts, TeacherStore teachers) {
        this.accounts = accounts;
        this.teachers = teachers;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        TenancyClaims claims = claimsFor(context);
        JwtClaimsSet.Builder builder = context.getClaims();
        put(builder, Caller.DISTRICT_ID, claims.districtId());
        put(builder, Caller.TOWNSHIP_ID, claims.townshipId());
        put(builder, Caller.SCHOOL_ID, claims.schoolId());
        put(builder, Caller.TEACHER_ID, claims.teacherId());
        builder.claim(Caller.ROLES, claims.roles());
        if (accessToken && !context.getAuthorizedScopes().isEmpty()) {
            // RFC 9068: one space-delimited string (Spring's default is an array; both are read by Caller)
            builder.claim("scope", String.join(" ", context.getAuthorizedScopes().stream().sorted().toList()));
        }
        if (idToken) {
            put(builder, "name", claims.displayName());
        }
    }

    private TenancyClaims claimsFor(JwtEncodingContext context) {
        ClientTenancy client = ClientTenancy.of(context.getRegisteredClient());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (client == null) {
                throw refused("Client " + context.getRegisteredClient().getClientId() + " has no tenancy.");
            }
            return new TenancyClaims(client.districtId(), client.townshipId(), client.schoolId(), null,
                    client.roles(), null);
        }
        String username = context.getPrincipal().getName();
        Account account = accounts.byUsername(username)
                .filter(Account::enabled)
                .orElseThrow(() -> refused("Account " + username + " does not exist or is disabled."));
        String townshipId = account.townshipId();
        String schoolId = account.schoolId();
        if (account.teacherId() != null) {
            Optional<TeacherView> teacher = teachers.find(account.teacherId());
            if (teacher.isPresent()) {
                townshipId = teacher.get().townshipId();
                schoolId = teacher.get().schoolId();
            }
        }
        return new TenancyClaims(account.districtId(), townshipId, schoolId, account.teacherId(),
                List.of(account.role().name()), account.displayName());
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
    }

    private static void put(JwtClaimsSet.Builder builder, String name, String value) {
        if (value != null) {
            builder.claim(name, value);
        }
    }
}
