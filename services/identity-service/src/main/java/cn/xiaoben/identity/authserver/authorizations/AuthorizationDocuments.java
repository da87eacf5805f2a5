package cn.xiaoben.identity.authserver.authorizations;

import cn.xiaoben.identity.common.Dates;
import org.bson.Document;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An {@link OAuth2Authorization} as a BSON document and back, following what Spring's JDBC service stores: the
 * attributes and token metadata as JSON written by Spring Security's own Jackson modules (with their type
 * allow-list), each token's value with a SHA-256 hash to look it up by, and a {@code purgeAt} date after which the
 * whole record is useless (a TTL index removes it).
 */
final class AuthorizationDocuments {

    static final String STATE = "state";
    static final String CODE = "authorizationCode";
    static final String ACCESS_TOKEN = "accessToken";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String ID_TOKEN = "idToken";
    static final List<String> TOKEN_FIELDS = List.of(CODE, ACCESS_TOKEN, REFRESH_TOKEN, ID_TOKEN);

    /** How long an authorization that has not reached a token yet (a login in progress) is kept. */
    private static final Duration PENDING_LIFETIME = Duration.ofHours(1);
    /** Kept a little past the expiry of its last token, for revocation and introspection answers. */
    private static final Duration GRACE = Duration.ofHours(1);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    AuthorizationDocuments() {
        this.json = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(AuthorizationDocuments.class.getClassLoader()))
                .build();
    }

    Document toDocument(OAuth2Authorization authorization, Instant now) {
        Document doc = new Document("_id", authorization.getId())
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("authorizedScopes", List.copyOf(authorization.getAuthorizedScopes()))
                .append("attributes", write(authorization.getAttributes()));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            doc.append(STATE, hash(state));
        }
        Instant purgeAt = now.plus(PENDING_LIFETIME);
        purgeAt = later(purgeAt, token(doc, CODE, authorization.getToken(OAuth2AuthorizationCode.class)));
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        purgeAt = later(purgeAt, token(doc, ACCESS_TOKEN, access));
        if (access != null) {
            doc.get(ACCESS_TOKEN, Document.class)
                    .append("tokenType", access.getToken().getTokenType().getValue())
                    .append("scopes", List.copyOf(access.getToken().getScopes()));
        }
        purgeAt = later(purgeAt, token(doc, REFRESH_TOKEN, authorization.getRefreshToken()));
        purgeAt = later(purgeAt, token(doc, ID_TOKEN, authorization.getToken(OidcIdToken.class)));
        return doc.append("purgeAt", Dates.toDate(purgeAt.plus(GRACE)));
    }

    @SuppressWarnings("unchecked")
    OAuth2Authorization fromDocument(Document doc, RegisteredClient client) {
        Map<String, Object> attributes = read(doc.getString("attributes"));
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(doc.getString("_id"))
                .principalName(doc.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(doc.getString("grantType")))
                .authorizedScopes(new HashSet<>(doc.getList("authorizedScopes", String.class, List.of())))
                .attributes(a -> a.putAll(attributes));
        readToken(doc, CODE, (t, meta) -> builder.token(
                new OAuth2AuthorizationCode(t.getString("value"), issuedAt(t), expiresAt(t)), m -> m.putAll(meta)));
        readToken(doc, ACCESS_TOKEN, (t, meta) -> builder.token(new OAuth2AccessToken(
                tokenType(t.getString("tokenType")), t.getString("value"), issuedAt(t), expiresAt(t),
                new HashSet<>(t.getList("scopes", String.class, List.of()))), m -> m.putAll(meta)));
        readToken(doc, REFRESH_TOKEN, (t, meta) -> builder.token(
                new OAuth2RefreshToken(t.getString("value"), issuedAt(t), expiresAt(t)), m -> m.putAll(meta)));
        readToken(doc, ID_TOKEN, (t, meta) -> builder.token(new OidcIdToken(t.getString("value"), issuedAt(t),
                expiresAt(t), (Map<String, Object>) meta.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME)),
                m -> m.putAll(meta)));
        return builder.build();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant token(Document doc, String field, OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return null;
        }
        OAuth2Token value = token.getToken();
        doc.append(field, new Document("value", value.getTokenValue())
                .append("hash", hash(value.getTokenValue()))
                .append("issuedAt", Dates.toDate(value.getIssuedAt()))
                .append("expiresAt", Dates.toDate(value.getExpiresAt()))
                .append("metadata", write(token.getMetadata())));
        return value.getExpiresAt();
    }

    private void readToken(Document doc, String field, BiConsumer<Document, Map<String, Object>> apply) {
        Document token = doc.get(field, Document.class);
        if (token != null) {
            apply.accept(token, read(token.getString("metadata")));
        }
    }

    private static Instant issuedAt(Document token) {
        return Dates.toInstant(token.getDate("issuedAt"));
    }

    private static Instant expiresAt(Document token) {
        return Dates.toInstant(token.getDate("expiresAt"));
    }

    private static OAuth2AccessToken.TokenType tokenType(String value) {
        return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value) ? OAuth2AccessToken.TokenType.DPOP
                : OAuth2AccessToken.TokenType.BEARER;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || b.isBefore(a) ? a : b;
    }

    private String write(Map<String, Object> map) {
        return json.writeValueAsString(map);
    }

    private Map<String, Object> read(String text) {
        return text == null ? Map.of() : json.readValue(text, MAP);
    }
}
