package cn.xiaoben.identity;

import cn.xiaoben.identity.support.Api;
import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.Jwts;
import cn.xiaoben.identity.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A teacher signs in through the web client (authorization code + PKCE) and gets a token with their tenancy. */
class AuthorizationCodeFlowTest extends IdentityTestBase {

    private static final String REDIRECT = "http://localhost:8080/";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void teacherSignsInWithPkceAndGetsTheirTenancyInTheToken() throws Exception {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String teacherId = registerTeacher(setup.token(), setup.schoolId(), "吴老师", null, Map.of())
                .json().get("id").asString();
        String username = unique("wu").replace("-", ".");
        assertThat(api.post("/api/directory/accounts", bureau, Map.of("username", username,
                "password", "correct-horse", "displayName", "吴老师", "role", "TEACHER",
                "schoolId", setup.schoolId(), "teacherId", teacherId)).status()).isEqualTo(201);

        Api browser = new Api(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        String verifier = "verifier-" + unique("pkce") + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=xiaoben-web&redirect_uri="
                + encode(REDIRECT) + "&scope=" + encode("openid directory:read") + "&state=st4te"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        Response toLogin = html(browser, authorize);
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).endsWith("/login");

        Response loginPage = html(browser, "/login");
        Matcher csrf = CSRF.matcher(loginPage.text());
        assertThat(csrf.find()).as(loginPage.text()).isTrue();

        Response wrong = browser.form("/login", Map.of("username", username, "password", "wrong",
                "_csrf", csrf.group(1)), Map.of());
        assertThat(wrong.header("Location")).contains("/login?error");

        String csrfAgain = csrfOf(html(browser, "/login"));
        Response signedIn = browser.form("/login", Map.of("username", username, "password", "correct-horse",
                "_csrf", csrfAgain), Map.of());
        assertThat(signedIn.status()).isEqualTo(302);
        Response toClient = html(browser, signedIn.header("Location"));
        assertThat(toClient.status()).as(signedIn.header("Location") + " -> " + toClient).isEqualTo(302);
        URI callback = URI.create(toClient.header("Location"));
        assertThat(callback.toString()).startsWith(REDIRECT);
        assertThat(callback.getQuery()).contains("state=st4te");
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        Response token = api.form("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "xiaoben-web", "code_verifier", verifier), Map.of());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        String accessToken = token.json().get("access_token").asString();
        JsonNode claims = Jwts.claims(accessToken);
        assertThat(claims.get("sub").asString()).isEqualTo(username);
        assertThat(claims.get("district_id").asString()).isEqualTo(DISTRICT);
        assertThat(claims.get("township_id").asString()).isEqualTo(setup.townshipId());
        assertThat(claims.get("school_id").asString()).isEqualTo(setup.schoolId());
        assertThat(claims.get("teacher_id").asString()).isEqualTo(teacherId);
        assertThat(TokenIssuanceTest.strings(claims.get("roles"))).containsExactly("TEACHER");
        assertThat(claims.get("scope").asString()).as("a teacher's scopes, whatever was asked for").isEqualTo(
                "activity:read activity:write credit:read credit:write directory:read evaluation:read "
                        + "evaluation:write openid profile report:read");
        assertThat(Jwts.claims(token.json().get("id_token").asString()).get("name").asString()).isEqualTo("吴老师");

        assertThat(api.get("/api/directory/schools/" + setup.schoolId() + "/teachers", accessToken).status())
                .isEqualTo(200);
    }

    private static Response html(Api browser, String path) {
        return browser.send(browser.request(path, null).setHeader("Accept", "text/html").GET());
    }

    private static String csrfOf(Response page) {
        Matcher m = CSRF.matcher(page.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
