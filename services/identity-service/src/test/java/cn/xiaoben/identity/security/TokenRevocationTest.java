package cn.xiaoben.identity.security;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Response;
import cn.xiaoben.identity.support.SignIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Introspection answers active for a live token and inactive once it is revoked; user info works for a person. */
class TokenRevocationTest extends IdentityTestBase {

    @Test
    void aClientTokenIsActiveUntilItsClientRevokesIt() {
        String token = bureauToken();

        JsonNode live = introspect(token);
        assertThat(live.get("active").asBoolean()).isTrue();
        assertThat(live.get("sub").asString()).isEqualTo(BUREAU_CLIENT);
        assertThat(live.get("client_id").asString()).isEqualTo(BUREAU_CLIENT);
        assertThat(live.get("scope").asString()).contains("directory:admin");

        Response revoked = api.form("/oauth2/revoke", Map.of("token", token, "token_type_hint", "access_token"),
                basic(BUREAU_CLIENT, BUREAU_SECRET));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        JsonNode dead = introspect(token);
        assertThat(dead.get("active").asBoolean()).isFalse();
        assertThat(dead.size()).as("nothing but active for an inactive token").isEqualTo(1);
    }

    @Test
    void aClientCannotRevokeAnotherClientsToken() {
        String bureau = bureauToken();
        SchoolSetup school = newSchool(bureau);
        JsonNode client = school.school().get("client");

        Response refused = api.form("/oauth2/revoke", Map.of("token", bureau),
                basic(client.get("clientId").asString(), client.get("clientSecret").asString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(introspect(bureau).get("active").asBoolean()).isTrue();
    }

    @Test
    void anUnknownTokenIsInactive() {
        assertThat(introspect("not-a-token-we-issued").get("active").asBoolean()).isFalse();
        assertThat(introspect("~sha256:" + "0".repeat(64)).get("active").asBoolean()).isFalse();
    }

    @Test
    void aPersonGetsUserInfoAndTheirTokenIsInactiveOnceTheWebClientRevokesIt() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String teacherId = registerTeacher(setup.token(), setup.schoolId(), "郑老师", null, Map.of())
                .json().get("id").asString();
        String username = account(bureau, "TEACHER", setup.schoolId(), teacherId);
        String access = new SignIn(port).tokens(username, PASSWORD, "openid profile").get("access_token").asString();

        Response userInfo = api.get("/oauth2/userinfo", access);
        assertThat(userInfo.status()).as(userInfo.toString()).isEqualTo(200);
        assertThat(userInfo.json().get("sub").asString()).isEqualTo(username);
        assertThat(userInfo.json().get("name").asString()).isEqualTo("测试 TEACHER");
        JsonNode live = introspect(access);
        assertThat(live.get("active").asBoolean()).isTrue();
        assertThat(live.get("sub").asString()).isEqualTo(username);
        assertThat(live.get("teacher_id").asString()).isEqualTo(teacherId);

        Response revoked = api.form("/oauth2/revoke", Map.of("token", access, "client_id", SignIn.WEB_CLIENT),
                Map.of());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        assertThat(introspect(access).get("active").asBoolean()).isFalse();
        assertThat(api.get("/oauth2/userinfo", access).status()).isEqualTo(401);
    }

    /** Introspection as the bureau console (the gateway would use a client of its own). */
    private JsonNode introspect(String token) {
        Response response = api.form("/oauth2/introspect", Map.of("token", token), basic(BUREAU_CLIENT, BUREAU_SECRET));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static Map<String, String> basic(String clientId, String secret) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
