package cn.xiaoben.identity.authserver.authorizations;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The secrets an authorization holds, each stored only as its SHA-256 ({@code <field>.hash}; the consent
 * {@code state}: the field itself) and found through {@code token_hashes}.
 */
enum TokenField {

    ACCESS_TOKEN("accessToken", OAuth2ParameterNames.ACCESS_TOKEN),
    REFRESH_TOKEN("refreshToken", OAuth2ParameterNames.REFRESH_TOKEN),
    CODE("authorizationCode", OAuth2ParameterNames.CODE),
    ID_TOKEN("idToken", OidcParameterNames.ID_TOKEN),
    /** The server-generated {@code state} of a consent or pushed authorization request in progress. */
    STATE("state", OAuth2ParameterNames.STATE);

    final String field;
    private final String tokenType;

    TokenField(String field, String tokenType) {
        this.field = field;
        this.tokenType = tokenType;
    }

    /** The field for a token type, null for one this service never issues. */
    static TokenField of(OAuth2TokenType type) {
        for (TokenField f : values()) {
            if (f.tokenType.equals(type.getValue())) {
                return f;
            }
        }
        return null;
    }

    static TokenField byField(String field) {
        for (TokenField f : values()) {
            if (f.field.equals(field)) {
                return f;
            }
        }
        return null;
    }
}
