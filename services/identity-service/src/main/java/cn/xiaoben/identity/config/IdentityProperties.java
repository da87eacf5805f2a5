package cn.xiaoben.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
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
 * @param keys            the token signing keys: their key-encryption key and rotation
 * @param throttle        how failed client and password authentications are slowed down and locked out
 */
@ConfigurationProperties("xiaoben.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("15m") Duration clientTokenTtl,
        @DefaultValue("10m") Duration personTokenTtl,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue WebClient webClient,
        @DefaultValue Keys keys,
        @DefaultValue Throttle throttle) {

    /** Spring Authorization Server's fixed lifetime of ID tokens (not configurable there). */
    public static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

    /** The longest lifetime of a token this service signs: access tokens of either kind and ID tokens. */
    public Duration longestSignedTokenLifetime() {
        Duration longest = ID_TOKEN_TTL;
        for (Duration ttl : List.of(clientTokenTtl, personTokenTtl)) {
            longest = ttl.compareTo(longest) > 0 ? ttl : longest;
        }
        return longest;
    }

    /**
     * @param kek              the key-encryption key (KEK), base64 of 32 random bytes (env
     *                         {@code XIAOBEN_IDENTITY_KEYS_KEK}); never stored in the database
     * @param kekFile          a file holding the KEK (base64), used when {@code kek} is not set; it must exist
     * @param generateKek      when neither is set: read the KEK from {@code generatedKekFile}, generating it there on
     *                         the first start (the single-machine embedded mode); false makes a missing KEK an error
     * @param generatedKekFile that file (directory 700, file 600; relative paths: to the working directory)
     * @param rotation         a signing key older than this is replaced by a new one
     * @param publishAhead     a new key is published in the key set this long before it starts signing, so every
     *                         instance and every resource server's cached key set knows it by then
     * @param retention        how long a replaced key stays in the key set after it stopped signing; default: the
     *                         longest lifetime of a signed token plus {@code retentionMargin}
     * @param retentionMargin  clock skew and key-set caches of resource servers
     * @param refresh          how often each instance re-reads the keys (another instance may have rotated them)
     */
    public record Keys(
            String kek,
            Path kekFile,
            @DefaultValue("true") boolean generateKek,
            @DefaultValue("var/secrets/identity-kek") Path generatedKekFile,
            @DefaultValue("30d") Duration rotation,
            @DefaultValue("10m") Duration publishAhead,
            Duration retention,
            @DefaultValue("10m") Duration retentionMargin,
            @DefaultValue("1m") Duration refresh) {

        /** Never prints the KEK. */
        @Override
        public String toString() {
            return "Keys[kek=" + (kek == null || kek.isBlank() ? "<unset>" : "<set>") + ", kekFile=" + kekFile
                    + ", generateKek=" + generateKek + ", generatedKekFile=" + generatedKekFile + ", rotation="
                    + rotation + ", publishAhead=" + publishAhead + ", retention=" + retention
                    + ", retentionMargin=" + retentionMargin + ", refresh=" + refresh + "]";
        }
    }

    /**
     * Failed authentications are counted per client id and per IP on the OAuth2 endpoints, per username and per
     * username + IP on the sign-in form, in MongoDB (so restarts and instances agree). Past {@code freeFailures}
     * (per IP: {@code ipFreeFailures}, many people share a school's address) every further attempt must wait
     * {@code backoffBase} × 2^(n − free), at most {@code backoffMax} (429 with {@code Retry-After}); at
     * {@code lockAfter} failures within {@code window} a client id or username is locked for {@code lockDuration}
     * or until a bureau administrator lifts the lock. Attempts refused while waiting count as failures. The IP
     * is the peer's, or the {@code X-Forwarded-For} entry a trusted proxy added (Tomcat's remote-IP valve,
     * {@code server.tomcat.remoteip.internal-proxies}).
     */
    public record Throttle(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("20") int ipFreeFailures,
            @DefaultValue("1s") Duration backoffBase,
            @DefaultValue("15m") Duration backoffMax,
            @DefaultValue("20") int lockAfter,
            @DefaultValue("1h") Duration window,
            @DefaultValue("1h") Duration lockDuration) {
    }

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

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Bootstrap[districtId=" + districtId + ", districtName=" + districtName + ", bureauClientId="
                    + bureauClientId + ", bureauClientSecret=" + (bureauClientSecret == null ? "<unset>" : "<set>")
                    + "]";
        }
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
