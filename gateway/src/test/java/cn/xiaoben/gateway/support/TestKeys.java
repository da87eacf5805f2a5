package cn.xiaoben.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** An RSA key that signs test tokens, and its public JWK set (served by {@link FakeUpstream}). */
public final class TestKeys {

    public static final String ISSUER = "http://localhost:8080";

    private final RSAKey key;

    public TestKeys() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String token(String subject, Map<String, Object> claims) {
        return sign(subject, ISSUER, claims);
    }

    public String sign(String subject, String issuer, Map<String, Object> claims) {
        // wall-clock lifetime on purpose: the resource server checks exp against real time (decision 0008)
        return sign(new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))), claims);
    }

    /** A token with the trusted key and issuer but no {@code exp}: it must not count as never expiring. */
    public String signWithoutExpiry(String subject, Map<String, Object> claims) {
        return sign(new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).issueTime(new Date()), claims);
    }

    private String sign(JWTClaimsSet.Builder builder, Map<String, Object> claims) {
        builder.jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
