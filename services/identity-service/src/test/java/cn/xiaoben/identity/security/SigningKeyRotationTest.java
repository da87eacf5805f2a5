package cn.xiaoben.identity.security;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.identity.support.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An on-demand rotation over HTTP, with a retention of seconds: new tokens carry the new {@code kid}, a token of the
 * old key still verifies while the old key is in the key set, then the old key leaves it and its tokens are refused.
 */
@TestPropertySource(properties = {
        "xiaoben.identity.keys.publish-ahead=0s",
        "xiaoben.identity.keys.retention=5s",
        "xiaoben.identity.keys.refresh=200ms"})
class SigningKeyRotationTest extends IdentityTestBase {

    @Test
    void afterARotationNewTokensCarryTheNewKidAndTheOldKeyVerifiesUntilItsRetentionHasPassed() {
        String old = bureauToken();
        String oldKid = Jwts.header(old).get("kid").asString();
        assertThat(publishedKids()).contains(oldKid);

        Response rotated = api.post("/api/directory/signing-keys/rotation", old, Map.of());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKid = rotated.json().get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        String fresh = bureauToken();
        assertThat(Jwts.header(fresh).get("kid").asString()).isEqualTo(newKid);
        assertThat(api.get("/api/directory/townships", old).status()).isEqualTo(200);
        assertThat(publishedKids()).containsExactly(newKid, oldKid);
        Response listed = api.get("/api/directory/signing-keys", fresh);
        assertThat(listed.json().get(0).get("status").asString()).isEqualTo("signing");
        assertThat(listed.json().get(1).get("status").asString()).isEqualTo("retired");

        await().atMost(Duration.ofSeconds(30)).until(() -> !publishedKids().contains(oldKid));
        assertThat(api.get("/api/directory/townships", old).status()).isEqualTo(401);
        assertThat(api.get("/api/directory/townships", fresh).status()).isEqualTo(200);
    }

    @Test
    void onlyTheBureauRotatesKeys() {
        SchoolSetup school = newSchool(bureauToken());

        Response refused = api.post("/api/directory/signing-keys/rotation", school.token(), Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private List<String> publishedKids() {
        List<String> kids = new ArrayList<>();
        api.get("/oauth2/jwks", null).json().get("keys").forEach(k -> {
            assertThat(k.has("d")).isFalse();
            kids.add(k.get("kid").asString());
        });
        return kids;
    }
}
