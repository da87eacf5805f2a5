package cn.xiaoben.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from ({@code xiaoben.security.*}, the same keys every service reads).
 *
 * @param jwkSetUri the identity service's key set, fetched directly (not through the gateway)
 * @param issuer    the issuer every token must name: the gateway's public URL
 */
@ConfigurationProperties("xiaoben.security")
public record JwtProperties(
        @DefaultValue("http://127.0.0.1:9000/oauth2/jwks") String jwkSetUri,
        @DefaultValue("http://localhost:8080") String issuer) {
}
