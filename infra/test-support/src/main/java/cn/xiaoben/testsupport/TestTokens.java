package cn.xiaoben.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import cn.xiaoben.service.security.PlatformTokenValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed JWTs for service integration tests, with the claims the identity service puts in its tokens, and the
 * matching decoder (a real Nimbus decoder on the test key, replacing the JWK-set lookup).
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A school system's client-credentials token. */
    public static String schoolSystem(String districtId, String townshipId, String schoolId) {
        return sign(Map.of("district_id", districtId, "township_id", townshipId, "school_id", schoolId,
                "roles", List.of("SCHOOL_SYSTEM"), "scope", "activity:write directory:write"), "school-" + schoolId);
    }

    public static String bureau(String districtId) {
        return sign(Map.of("district_id", districtId, "roles", List.of("BUREAU_ADMIN"),
                "scope", "directory:admin"), "bureau-" + districtId);
    }

    public static String township(String districtId, String townshipId) {
        return sign(Map.of("district_id", districtId, "township_id", townshipId, "roles", List.of("TOWNSHIP_ADMIN")),
                "township-" + townshipId);
    }

    public static String teacher(String districtId, String townshipId, String schoolId, String teacherId) {
        return sign(Map.of("district_id", districtId, "township_id", townshipId, "school_id", schoolId,
                "teacher_id", teacherId, "roles", List.of("TEACHER")), "teacher-" + teacherId);
    }

    public static String sign(Map<String, Object> claims, String subject) {
        // wall-clock lifetime on purpose: the resource server checks exp against real time (decision 0008)
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token signed by a key nobody trusts. */
    public static String forged() {
        KeyPair other = generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("intruder")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        try {
            jwt.sign(new RSASSASigner(other.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signs {@code claims} with the trusted test key exactly as given: no issuer, subject or lifetime added. */
    static String signRaw(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The trusted public key (an attacker knows it: it is published in the JWK set). */
    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(PlatformTokenValidator.of(ISSUER));
        return decoder;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust the test key instead of fetching the identity service's key set. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Decoder {

        @Bean
        JwtDecoder jwtDecoder() {
            return TestTokens.decoder();
        }
    }
}
