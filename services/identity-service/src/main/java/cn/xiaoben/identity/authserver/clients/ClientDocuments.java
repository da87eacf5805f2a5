package cn.xiaoben.identity.authserver.clients;

import cn.xiaoben.identity.common.Dates;
import org.bson.Document;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RegisteredClient} as a BSON document and back. The same shape is stored on its own (the bureau console,
 * the web client) and embedded in a school's document (the school system's client).
 */
public final class ClientDocuments {

    private ClientDocuments() {
    }

    public static Document toDocument(RegisteredClient client) {
        TokenSettings tokens = client.getTokenSettings();
        ClientSettings settings = client.getClientSettings();
        Document doc = new Document("id", client.getId())
                .append("clientId", client.getClientId())
                .append("clientIdIssuedAt", Dates.toDate(client.getClientIdIssuedAt()))
                .append("clientSecret", client.getClientSecret())
                .append("clientSecretExpiresAt", Dates.toDate(client.getClientSecretExpiresAt()))
                .append("clientName", client.getClientName())
                .append("authenticationMethods", client.getClientAuthenticationMethods().stream()
                        .map(ClientAuthenticationMethod::getValue).sorted().toList())
                .append("grantTypes", client.getAuthorizationGrantTypes().stream()
                        .map(AuthorizationGrantType::getValue).sorted().toList())
                .append("redirectUris", new ArrayList<>(client.getRedirectUris()))
                .append("postLogoutRedirectUris", new ArrayList<>(client.getPostLogoutRedirectUris()))
                .append("scopes", client.getScopes().stream().sorted().toList())
                .append("requireProofKey", settings.isRequireProofKey())
                .append("requireAuthorizationConsent", settings.isRequireAuthorizationConsent())
                .append("accessTokenTtlSeconds", tokens.getAccessTokenTimeToLive().toSeconds())
                .append("refreshTokenTtlSeconds", tokens.getRefreshTokenTimeToLive().toSeconds())
                .append("reuseRefreshTokens", tokens.isReuseRefreshTokens());
        ClientTenancy tenancy = ClientTenancy.of(client);
        if (tenancy != null) {
            doc.append("tenancy", new Document("districtId", tenancy.districtId())
                    .append("townshipId", tenancy.townshipId())
                    .append("schoolId", tenancy.schoolId())
                    .append("roles", tenancy.roles()));
        }
        return doc;
    }

    public static RegisteredClient fromDocument(Document doc) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(doc.getBoolean("requireProofKey", false))
                .requireAuthorizationConsent(doc.getBoolean("requireAuthorizationConsent", false));
        Document tenancy = doc.get("tenancy", Document.class);
        if (tenancy != null) {
            new ClientTenancy(tenancy.getString("districtId"), tenancy.getString("townshipId"),
                    tenancy.getString("schoolId"), tenancy.getList("roles", String.class)).applyTo(settings);
        }
        TokenSettings tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(Duration.ofSeconds(number(doc, "accessTokenTtlSeconds", 300)))
                .refreshTokenTimeToLive(Duration.ofSeconds(number(doc, "refreshTokenTtlSeconds", 3600)))
                .reuseRefreshTokens(doc.getBoolean("reuseRefreshTokens", true))
                .build();
        return RegisteredClient.withId(doc.getString("id"))
                .clientId(doc.getString("clientId"))
                .clientIdIssuedAt(Dates.toInstant(doc.getDate("clientIdIssuedAt")))
                .clientSecret(doc.getString("clientSecret"))
                .clientSecretExpiresAt(Dates.toInstant(doc.getDate("clientSecretExpiresAt")))
                .clientName(doc.getString("clientName"))
                .clientAuthenticationMethods(m -> strings(doc, "authenticationMethods")
                        .forEach(v -> m.add(new ClientAuthenticationMethod(v))))
                .authorizationGrantTypes(g -> strings(doc, "grantTypes")
                        .forEach(v -> g.add(new AuthorizationGrantType(v))))
                .redirectUris(u -> u.addAll(strings(doc, "redirectUris")))
                .postLogoutRedirectUris(u -> u.addAll(strings(doc, "postLogoutRedirectUris")))
                .scopes(s -> s.addAll(strings(doc, "scopes")))
                .clientSettings(settings.build())
                .tokenSettings(tokenSettings)
                .build();
    }

    private static List<String> strings(Document doc, String field) {
        return doc.getList(field, String.class, List.of());
    }

    private static long number(Document doc, String field, long fallback) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : fallback;
    }
}
