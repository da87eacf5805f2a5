package cn.xiaoben.identity.security;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.SignIn;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker who reaches the MongoDB port reads: every document of every collection, after real tokens were
 * issued over HTTP, introspected and revoked. No token value (nor any part of a JWT that would let one be rebuilt),
 * no authorization code, no client secret, no KEK, and no private key material: nothing there signs a token.
 */
class StoreHoldsNoSecretsTest extends IdentityTestBase {

    private static final List<String> PRIVATE_JWK_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @Autowired
    MongoDatabase database;

    @Test
    void noTokenCodeOrSecretAppearsAnywhereInTheDatabase() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String teacherId = registerTeacher(setup.token(), setup.schoolId(), "冯老师", null, Map.of())
                .json().get("id").asString();
        String username = account(bureau, "TEACHER", setup.schoolId(), teacherId);
        SignIn signIn = new SignIn(port);
        JsonNode person = signIn.tokens(username, PASSWORD, "openid");
        api.form("/oauth2/introspect", Map.of("token", person.get("access_token").asString()),
                TokenRevocationTest.basic(BUREAU_CLIENT, BUREAU_SECRET));
        api.form("/oauth2/revoke", Map.of("token", setup.token()), TokenRevocationTest.basic(
                setup.school().get("client").get("clientId").asString(),
                setup.school().get("client").get("clientSecret").asString()));

        List<String> secrets = new ArrayList<>(List.of(signIn.lastCode(), BUREAU_SECRET, KEK,
                setup.school().get("client").get("clientSecret").asString()));
        for (String jwt : List.of(bureau, setup.token(), person.get("access_token").asString(),
                person.get("id_token").asString())) {
            String[] parts = jwt.split("\\.");
            secrets.add(jwt);
            secrets.add(parts[1]);
            secrets.add(parts[2]);
        }

        String everything = dump();
        assertThat(everything).contains(username).contains(setup.schoolId());
        for (String secret : secrets) {
            assertThat(everything).as("the store must not hold %s…", secret.substring(0, 12)).doesNotContain(secret);
        }
    }

    @Test
    void theSigningKeyDocumentsHoldNoPrivateKeyMaterial() throws Exception {
        bureauToken();
        List<Document> keys = database.getCollection("signing_keys").find().into(new ArrayList<>());

        assertThat(keys).isNotEmpty();
        for (Document key : keys) {
            assertNoPrivateMembers(key);
            assertThat(parsesToPrivateKey(key.toJson())).isFalse();
            for (Object value : key.values()) {
                String text = value instanceof Document doc ? doc.toJson() : String.valueOf(value);
                assertThat(parsesToPrivateKey(text)).as(text).isFalse();
            }
            RSAKey published = RSAKey.parse(key.get("publicJwk", Document.class).toJson());
            assertThat(published.isPrivate()).as("the public JWK cannot sign").isFalse();
            assertThat(published.toPrivateKey()).isNull();
        }
    }

    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).find().forEach(doc -> all.append(name).append(' ').append(doc.toJson())
                    .append('\n'));
        }
        return all.toString();
    }

    private static void assertNoPrivateMembers(Document doc) {
        doc.forEach((name, value) -> {
            if (value instanceof Document inner) {
                assertThat(inner.keySet()).doesNotContainAnyElementsOf(PRIVATE_JWK_MEMBERS);
                assertNoPrivateMembers(inner);
            }
        });
    }

    private static boolean parsesToPrivateKey(String text) {
        try {
            return JWK.parse(text).isPrivate();
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }
}
