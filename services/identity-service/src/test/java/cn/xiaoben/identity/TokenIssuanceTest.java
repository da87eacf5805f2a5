package cn.xiaoben.identity;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.identity.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuanceTest extends IdentityTestBase {

    @Test
    void bureauClientGetsADistrictWideBureauToken() {
        Response response = api.clientToken(BUREAU_CLIENT, BUREAU_SECRET);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("expires_in").asInt()).as("client tokens live 15 minutes (decision 0009)")
                .isBetween(890, 900);
        String token = response.json().get("access_token").asString();
        JsonNode claims = Jwts.claims(token);
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8080");
        assertThat(claims.get("sub").asString()).isEqualTo(BUREAU_CLIENT);
        assertThat(claims.get("district_id").asString()).isEqualTo(DISTRICT);
        assertThat(claims.has("township_id")).isFalse();
        assertThat(claims.has("school_id")).isFalse();
        assertThat(strings(claims.get("roles"))).containsExactly("BUREAU_ADMIN");
        assertThat(claims.get("scope").isString()).as("scope is a space-delimited string (RFC 9068)").isTrue();
        assertThat(scopes(claims)).containsExactlyInAnyOrder("directory:admin", "directory:read",
                "activity:read", "credit:read", "credit:admin", "report:read", "evaluation:read");
        assertThat(Jwts.header(token).get("kid").asString()).isNotBlank();
    }

    @Test
    void schoolClientGetsATokenScopedToItsSchool() {
        SchoolSetup setup = newSchool(bureauToken());

        JsonNode claims = Jwts.claims(setup.token());

        assertThat(claims.get("sub").asString()).isEqualTo(setup.school().get("client").get("clientId").asString());
        assertThat(claims.get("district_id").asString()).isEqualTo(DISTRICT);
        assertThat(claims.get("township_id").asString()).isEqualTo(setup.townshipId());
        assertThat(claims.get("school_id").asString()).isEqualTo(setup.schoolId());
        assertThat(strings(claims.get("roles"))).containsExactly("SCHOOL_SYSTEM");
        assertThat(scopes(claims)).containsExactlyInAnyOrder("activity:write", "activity:read",
                "directory:write", "directory:read", "credit:read", "credit:write", "report:read", "evaluation:read");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
    }

    @Test
    void wrongSecretGetsNoToken() {
        Response response = api.clientToken(BUREAU_CLIENT, "not-the-secret");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void keySetAndMetadataArePublished() {
        Response jwks = api.get("/oauth2/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("private part never published").isFalse();

        Response metadata = api.get("/.well-known/oauth-authorization-server", null);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("issuer").asString()).isEqualTo("http://localhost:8080");
        assertThat(metadata.json().get("token_endpoint").asString()).isEqualTo("http://localhost:8080/oauth2/token");
    }

    static List<String> scopes(JsonNode claims) {
        return List.of(claims.get("scope").asString().split(" "));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
