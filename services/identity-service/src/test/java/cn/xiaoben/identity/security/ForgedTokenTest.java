package cn.xiaoben.identity.security;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of the report: a BUREAU_ADMIN token made without the service. Signed with a key of the attacker's own
 * under the real {@code kid}, unsigned ({@code alg: none}), or HMAC-signed with the published public key as secret:
 * all refused. (Signing with the stored key is impossible: the store holds none, see StoreHoldsNoSecretsTest.)
 */
class ForgedTokenTest extends IdentityTestBase {

    @Autowired
    MongoDatabase database;

    /** The service's clock (the system clock: token lifetimes are wall-clock time here, decision 0008). */
    @Autowired
    Clock clock;

    @Test
    void tokensNotSignedByTheServiceAreRefused() throws Exception {
        String real = bureauToken();
        String kid = Jwts.header(real).get("kid").asString();
        JWTClaimsSet claims = bureauClaims();

        RSAKey attackers = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT ownKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), claims);
        ownKey.sign(new RSASSASigner(attackers));

        String unsigned = new PlainJWT(new PlainHeader(), claims).serialize();

        Document published = database.getCollection("signing_keys").find().first().get("publicJwk", Document.class);
        byte[] publicAsSecret = published.toJson().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
        confused.sign(new MACSigner(publicAsSecret.length >= 32 ? publicAsSecret : new byte[32]));

        assertThat(api.get("/api/directory/townships", real).status()).isEqualTo(200);
        for (String forged : List.of(ownKey.serialize(), unsigned, confused.serialize())) {
            assertThat(api.get("/api/directory/townships", forged).status()).as(forged).isEqualTo(401);
            assertThat(api.post("/api/directory/townships", forged, Map.of("name", unique("伪造镇")))
                    .status()).isEqualTo(401);
        }
    }

    private JWTClaimsSet bureauClaims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer("http://localhost:8080").subject("bureau-console")
                .audience("bureau-console").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("district_id", DISTRICT)
                .claim("roles", List.of("BUREAU_ADMIN")).claim("scope", "directory:admin directory:read").build();
    }
}
