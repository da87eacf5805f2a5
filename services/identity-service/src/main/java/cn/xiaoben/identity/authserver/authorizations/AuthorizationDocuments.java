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

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OAuth2Authorization} as a BSON document and back. No token value is stored, only its SHA-256
 * ({@link TokenHashes}); a token's metadata (its claims, whether it was revoked) is plain BSON ({@link ClaimsBson}).
 * The attributes (the authorization request, the signed-in principal) are JSON written by Spring Security's own
 * Jackson modules with their type allow-list, without the server-generated {@code state}, which is hashed like a
 * token. {@code purgeAt} is when the whole record is useless (a TTL index removes it); {@code v} marks the format.
 */
final class AuthorizationDocuments {

    /** The format of decision 0009 (hashed tokens, BSON metadata); documents without it are purged on start. */
    static final int VERSION = 2;

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

    /** The document, and the hash of every secret it holds by field (for {@code token_hashes}). */
    record Stored(Document document, Map<TokenField, String> hashes, Instant purgeAt) {
    }

    Stored toDocument(OAuth2Authorization authorization, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>(authorization.getAttributes());
        Object state = attributes.remove(OAuth2ParameterNames.STATE);
        Document doc = new Document("_id", authorization.getId())
                .append("v", VERSION)
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("authorizedScopes", List.copyOf(authorization.getAuthorizedScopes()))
                .append("attributes", json.writeValueAsString(attributes));
        Map<TokenField, String> hashes = new LinkedHashMap<>();
        if (state instanceof String value) {
            hashes.put(TokenField.STATE, TokenHashes.toStore(value));
            doc.append(TokenField.STATE.field, hashes.get(TokenField.STATE));
        }
        Instant purgeAt = now.plus(PENDING_LIFETIME);
        purgeAt = later(purgeAt, token(doc, hashes, TokenField.CODE,
                authorization.getToken(OAuth2AuthorizationCode.class)));
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        purgeAt = later(purgeAt, token(doc, hashes, TokenField.ACCESS_TOKEN, access));
        if (access != null) {
            doc.get(TokenField.ACCESS_TOKEN.field, Document.class)
                    .append("tokenType", access.getToken().getTokenType().getValue())
                    .append("scopes", List.copyOf(access.getToken().getScopes()));
        }
        purgeAt = later(purgeAt, token(doc, hashes, TokenField.REFRESH_TOKEN, authorization.getRefreshToken()));
        purgeAt = later(purgeAt, token(doc, hashes, TokenField.ID_TOKEN, authorization.getToken(OidcIdToken.class)));
        purgeAt = purgeAt.plus(GRACE);
        doc.append("purgeAt", Dates.toDate(purgeAt));
        return new Stored(doc, hashes, purgeAt);
    }

    /**
     * The authorization; the secret it was looked up by ({@code presented}, may be null) carries its real value,
     * every other one a stand-in (see {@link TokenHashes}).
     */
    OAuth2Authorization fromDocument(Document doc, RegisteredClient client, String presented) {
        Map<String, Object> attributes = json.readValue(doc.getString("attributes"), MAP);
        String state = doc.getString(TokenField.STATE.field);
        if (state != null) {
            attributes.put(OAuth2ParameterNames.STATE, TokenHashes.value(state, presented));
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(doc.getString("_id"))
                .principalName(doc.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(doc.getString("grantType")))
                .authorizedScopes(new HashSet<>(doc.getList("authorizedScopes", String.class, List.of())))
                .attributes(a -> a.putAll(attributes));
        Document code = doc.get(TokenField.CODE.field, Document.class);
        if (code != null) {
            builder.token(new OAuth2AuthorizationCode(value(code, presented), issuedAt(code), expiresAt(code)),
                    m -> m.putAll(ClaimsBson.read(code.get("metadata", Document.class))));
        }
        Document access = doc.get(TokenField.ACCESS_TOKEN.field, Document.class);
        if (access != null) {
            builder.token(new OAuth2AccessToken(tokenType(access.getString("tokenType")), value(access, presented),
                    issuedAt(access), expiresAt(access),
                    new HashSet<>(access.getList("scopes", String.class, List.of()))),
                    m -> m.putAll(ClaimsBson.read(access.get("metadata", Document.class))));
        }
        Document refresh = doc.get(TokenField.REFRESH_TOKEN.field, Document.class);
        if (refresh != null) {
            builder.token(new OAuth2RefreshToken(value(refresh, presented), issuedAt(refresh), expiresAt(refresh)),
                    m -> m.putAll(ClaimsBson.read(refresh.get("metadata", Document.class))));
        }
        Document id = doc.get(TokenField.ID_TOKEN.field, Document.class);
        if (id != null) {
            Map<String, Object> metadata = ClaimsBson.read(id.get("metadata", Document.class));
            builder.token(new OidcIdToken(value(id, presented), issuedAt(id), expiresAt(id), claims(metadata)),
                    m -> m.putAll(metadata));
        }
        return builder.build();
    }

    /** Whether the document holds this secret (its hash) in this field. */
    static boolean holds(Document doc, TokenField field, String hash) {
        if (field == TokenField.STATE) {
            return hash.equals(doc.getString(TokenField.STATE.field));
        }
        Document token = doc.get(field.field, Document.class);
        return token != null && hash.equals(token.getString("hash"));
    }

    private static Instant token(Document doc, Map<TokenField, String> hashes, TokenField field,
                                 OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return null;
        }
        OAuth2Token value = token.getToken();
        String hash = TokenHashes.toStore(value.getTokenValue());
        hashes.put(field, hash);
        doc.append(field.field, new Document("hash", hash)
                .append("issuedAt", Dates.toDate(value.getIssuedAt()))
                .append("expiresAt", Dates.toDate(value.getExpiresAt()))
                .append("metadata", ClaimsBson.write(token.getMetadata())));
        return value.getExpiresAt();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> metadata) {
        Object claims = metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
        return claims instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("sub", "unknown");
    }

    private static String value(Document token, String presented) {
        return TokenHashes.value(token.getString("hash"), presented);
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
}
