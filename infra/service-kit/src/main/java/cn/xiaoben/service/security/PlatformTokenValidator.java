package cn.xiaoben.service.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Instant;
import java.util.Objects;

/**
 * What every service asks of a token beyond its signature: the platform's issuer, a lifetime that has not run out
 * and an {@code exp} at all — Spring's default validator accepts a token without {@code exp} as never expiring, and
 * the platform issues none of those.
 */
public final class PlatformTokenValidator {

    private PlatformTokenValidator() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer) {
        OAuth2TokenValidator<Jwt> defaults = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        return new DelegatingOAuth2TokenValidator<>(defaults,
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }
}
