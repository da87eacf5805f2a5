package cn.xiaoben.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The identity service's settings ({@code xiaoben.identity.*}).
 *
 * @param issuer          the fixed public issuer of every token (the gateway's URL); application.yaml defaults it to
 *                        {@code xiaoben.security.issuer}
 * @param clientTokenTtl  lifetime of client-credentials access tokens (bureau console, school systems)
 * @param personTokenTtl  lifetime of access tokens issued to people (authorization code flow)
 * @param bootstrap       what is created on startup
 * @param webClient       the public browser client used by people
 */
@ConfigurationProperties("xiaoben.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("1h") Duration clientTokenTtl,
        @DefaultValue("30m") Duration personTokenTtl,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue WebClient webClient) {

    /**
     * @param districtId         the district this installation serves
     * @param districtName       its name
     * @param bureauClientId     the bureau console's client-credentials client
     * @param bureauClientSecret its secret (owned by whoever launches the service); without it the client is not
     *                           created
     */
    public record Bootstrap(
            @DefaultValue("dst-yunxi") String districtId,
            @DefaultValue("云溪县") String districtName,
            @DefaultValue("bureau-console") String bureauClientId,
            String bureauClientSecret) {
    }

    /**
     * @param clientId     the public client's id
     * @param redirectUris where the authorization code may be sent
     */
    public record WebClient(
            @DefaultValue("xiaoben-web") String clientId,
            @DefaultValue({"http://localhost:8080/", "http://127.0.0.1:8080/"}) List<String> redirectUris) {
    }
}
