package cn.xiaoben.identity.security;

import cn.xiaoben.identity.bootstrap.ClientBootstrap;
import cn.xiaoben.identity.support.Api;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Response;
import cn.xiaoben.identity.support.SignIn;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing is slowed down before authentication: the sixth wrong client secret or password answers 429 with
 * {@code Retry-After}, twenty failures lock the client id or username until a bureau administrator lifts the lock (a
 * school administrator cannot), and a successful sign-in forgets earlier failures. Each test comes from addresses of
 * its own ({@code X-Forwarded-For}, believed from loopback as from the gateway). The backoff starts at one minute here.
 * The bureau's own client, which anyone can lock with wrong secrets, is unlocked by a restart (its bootstrap).
 */
class AuthThrottleTest extends IdentityTestBase {

    @Autowired
    MongoDatabase database;

    @Autowired
    ClientBootstrap clientBootstrap;

    @Autowired
    Clock clock;

    @Test
    void sixWrongClientSecretsAnswer429AndALockIsLiftedByTheBureauOnly() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String clientId = setup.school().get("client").get("clientId").asString();
        String secret = setup.school().get("client").get("clientSecret").asString();
        for (int i = 1; i <= 5; i++) {
            assertThat(clientToken(clientId, "wrong-" + i, "203.0.113.10").status()).isEqualTo(401);
        }

        Response sixth = clientToken(clientId, "wrong-6", "203.0.113.10");
        assertTooMany(sixth, "too-many-failures");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
        assertTooMany(clientToken(clientId, secret, "203.0.113.11"), "too-many-failures");

        for (int i = 8; i <= 20; i++) {
            assertTooMany(clientToken(clientId, "wrong-" + i, "203.0.113.10"), "too-many-failures");
        }
        Response locked = clientToken(clientId, secret, "203.0.113.12");
        assertTooMany(locked, "locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isGreaterThan(60);
        Document stored = database.getCollection("auth_attempts").find(Filters.eq("_id", "client|" + clientId))
                .first();
        assertThat(stored.getDate("lockedUntil")).isNotNull();
        assertThat(database.getCollection("auth_attempts").find(Filters.eq("_id", "token-ip|203.0.113.10")).first()
                .getInteger("failures")).as("the address the gateway forwarded, not the loopback peer").isEqualTo(19);
        assertThat(api.get("/api/directory/lockouts", bureau).text()).contains(clientId);

        String schoolAdmin = new SignIn(port).tokens(account(bureau, "SCHOOL_ADMIN", setup.schoolId(), null),
                PASSWORD, "openid").get("access_token").asString();
        assertThat(delete("/api/directory/lockouts/client/" + clientId, schoolAdmin).status()).isEqualTo(403);
        assertTooMany(clientToken(clientId, secret, "203.0.113.12"), "locked");

        assertThat(delete("/api/directory/lockouts/client/" + clientId, bureau).status()).isEqualTo(204);
        assertThat(clientToken(clientId, secret, "203.0.113.12").status()).isEqualTo(200);
        assertThat(delete("/api/directory/lockouts/client/" + clientId, bureau).status()).isEqualTo(404);
    }

    @Test
    void wrongPasswordsOnTheSignInFormLikewise() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String username = account(bureau, "SCHOOL_ADMIN", setup.schoolId(), null);
        SignIn browser = new SignIn(port);
        String csrf = browser.csrf();
        for (int i = 1; i <= 5; i++) {
            Response wrong = signIn(browser.browserApi(), username, "wrong-" + i, csrf, "198.51.100.20");
            assertThat(wrong.header("Location")).contains("/login?error");
        }

        assertTooMany(signIn(browser.browserApi(), username, "wrong-6", csrf, "198.51.100.20"), "too-many-failures");
        assertTooMany(signIn(browser.browserApi(), username.toUpperCase(), PASSWORD, csrf, "198.51.100.21"),
                "too-many-failures");
        assertThat(database.getCollection("auth_attempts").countDocuments(Filters.eq("_id", "login|" + username)))
                .isEqualTo(1);

        assertThat(delete("/api/directory/lockouts/login/" + username, bureau).status()).isEqualTo(204);
        Response signedIn = signIn(browser.browserApi(), username, PASSWORD, csrf, "198.51.100.21");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String username = account(bureau, "SCHOOL_ADMIN", setup.schoolId(), null);
        SignIn first = new SignIn(port);
        String csrf = first.csrf();
        for (int i = 1; i <= 3; i++) {
            signIn(first.browserApi(), username, "wrong-" + i, csrf, "198.51.100.30");
        }
        assertThat(signIn(first.browserApi(), username, PASSWORD, csrf, "198.51.100.30").header("Location"))
                .doesNotContain("error");

        SignIn second = new SignIn(port);
        String again = second.csrf();
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(second.browserApi(), username, "wrong-" + i, again, "198.51.100.30")
                    .header("Location")).as("attempt %d after the success", i).contains("/login?error");
        }
    }

    @Test
    void aRestartLiftsALockOthersPutOnTheBureauClient() {
        Instant now = clock.instant();
        database.getCollection("auth_attempts").insertOne(new Document("_id", "client|" + BUREAU_CLIENT)
                .append("kind", "client").append("name", BUREAU_CLIENT).append("failures", 20)
                .append("windowStart", Date.from(now)).append("lockedUntil", Date.from(now.plus(Duration.ofHours(1)))));
        try {
            assertTooMany(clientToken(BUREAU_CLIENT, BUREAU_SECRET, "203.0.113.40"), "locked");
        } finally {
            clientBootstrap.bureauClient();
        }

        assertThat(clientToken(BUREAU_CLIENT, BUREAU_SECRET, "203.0.113.40").status()).isEqualTo(200);
    }

    private Response clientToken(String clientId, String secret, String ip) {
        Map<String, String> headers = new HashMap<>(TokenRevocationTest.basic(clientId, secret));
        headers.put("X-Forwarded-For", ip);
        return api.form("/oauth2/token", Map.of("grant_type", "client_credentials"), headers);
    }

    private static Response signIn(Api browser, String username, String password, String csrf, String ip) {
        return browser.form("/login", Map.of("username", username, "password", password, "_csrf", csrf),
                Map.of("X-Forwarded-For", ip));
    }

    private Response delete(String path, String token) {
        return api.send(api.request(path, token).DELETE());
    }

    private static void assertTooMany(Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("titleZh").asString()).isEqualTo("请求过于频繁");
        assertThat(response.json().get("detail").asString()).contains("retry after");
        assertThat(response.json().get("detailZh").asString()).contains("秒");
    }
}
