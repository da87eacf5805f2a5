package cn.xiaoben.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from ({@code xiaoben.security.*}).
 *
 * @param jwkSetUri the identity service's key set
 * @param issuer    the public issuer every token must name (the gateway's URL); empty to skip that check
 */
@ConfigurationProperties("xiaoben.security")
public record SecurityProperties(
        @DefaultValue("http://127.0.0.1:9000/oauth2/jwks") String jwkSetUri,
        @DefaultValue("http://localhost:8080") String issuer) {
}
