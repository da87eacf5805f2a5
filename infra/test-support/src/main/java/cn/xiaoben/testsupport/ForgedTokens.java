package cn.xiaoben.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tokens an attacker brings, each named for what it tries: every service and the gateway must answer each with
 * 401 and do nothing. The lifetimes are wall-clock on purpose: the resource servers check {@code exp} against real
 * time (decision 0008).
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** Name → token, for a caller who would be the district's bureau admin if the token were believed. */
    public static Map<String, String> all(String districtId) {
        Map<String, Object> bureau = Map.of("district_id", districtId, "roles", List.of("BUREAU_ADMIN"),
                "scope", "directory:admin directory:read activity:read activity:write credit:read credit:admin");
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("unsigned (alg=none)", new PlainJWT(claims(bureau, TestTokens.ISSUER, 600)).serialize());
        forged.put("HS256 keyed with the published RSA public key", hmacWithPublicKey(claims(bureau, TestTokens.ISSUER, 600)));
        forged.put("signed by a key nobody trusts", TestTokens.forged());
        forged.put("a teacher's token with its claims changed to the bureau's", tampered(districtId, bureau));
        forged.put("trusted key, another issuer", TestTokens.signRaw(claims(bureau, "http://evil.example", 600)));
        forged.put("trusted key, no exp", TestTokens.signRaw(claims(bureau, TestTokens.ISSUER, null)));
        forged.put("trusted key, expired ten minutes ago", TestTokens.signRaw(claims(bureau, TestTokens.ISSUER, -600)));
        forged.put("not a JWT", "not-a-token");
        return forged;
    }

    private static JWTClaimsSet claims(Map<String, Object> claims, String issuer, Integer lifetimeSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("intruder")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now.minusSeconds(1200)));
        if (lifetimeSeconds != null) {
            builder.expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)));
        }
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static String hmacWithPublicKey(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(TestTokens.publicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A real teacher token whose payload is swapped for the bureau's, keeping the teacher token's signature. */
    private static String tampered(String districtId, Map<String, Object> bureau) {
        String teacher = TestTokens.teacher(districtId, "tsp-x", "sch-x", "t-x");
        String[] parts = teacher.split("\\.");
        try {
            JWTClaimsSet original = SignedJWT.parse(teacher).getJWTClaimsSet();
            JWTClaimsSet.Builder changed = new JWTClaimsSet.Builder(original);
            changed.claim("school_id", null).claim("township_id", null).claim("teacher_id", null);
            bureau.forEach(changed::claim);
            return parts[0] + "." + Base64URL.encode(changed.build().toString()) + "." + parts[2];
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
