package cn.xiaoben.identity.security;

import cn.xiaoben.identity.support.IdentityTestBase;
import cn.xiaoben.identity.support.RawHttp;
import cn.xiaoben.identity.support.SignIn;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity's pages carry a Content-Security-Policy, {@code nosniff} and a {@code SameSite} session cookie, and no
 * redirect or page of a whole sign-in ever carries the {@code Host} a request came with.
 */
class BrowserHardeningTest extends IdentityTestBase {

    private static final String EVIL = "evil.example";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theSignInPageHasAPolicyAndTheSessionCookieIsSameSite() {
        RawHttp.Answer page = RawHttp.send(port, "GET", "/login", Map.of("Host", "localhost:8080",
                "Accept", "text/html"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self' http://localhost:8080");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        String cookie = sessionCookieHeader(page);
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
        assertThat(RawHttp.send(port, "GET", "/oauth2/authorize?client_id=x", Map.of("Host", "localhost:8080",
                "Accept", "text/html"), null).header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void aForeignHostHeaderNeverAppearsInARedirectOfAWholeSignIn() {
        String bureau = bureauToken();
        SchoolSetup setup = newSchool(bureau);
        String username = account(bureau, "SCHOOL_ADMIN", setup.schoolId(), null);
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + SignIn.WEB_CLIENT + "&redirect_uri="
                + encode(SignIn.REDIRECT) + "&scope=openid&state=s1&code_challenge="
                + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        RawHttp.Answer toLogin = get(authorize, null);
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).isEqualTo("/login");
        String session = sessionCookie(toLogin);

        RawHttp.Answer page = get("/login", session);
        assertThat(page.body()).doesNotContain(EVIL);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();

        RawHttp.Answer wrong = post("/login", session, username, "wrong", csrf.group(1));
        assertThat(wrong.header("Location")).isEqualTo("/login?error");

        RawHttp.Answer signedIn = post("/login", session, username, PASSWORD, csrf.group(1));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).startsWith("/oauth2/authorize?").doesNotContain(EVIL);

        RawHttp.Answer toClient = get(signedIn.header("Location"), sessionCookie(signedIn));
        assertThat(toClient.status()).isEqualTo(302);
        assertThat(toClient.header("Location")).startsWith(SignIn.REDIRECT).doesNotContain(EVIL);

        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            RawHttp.Answer metadata = RawHttp.send(port, "GET", path, Map.of("Host", EVIL), null);
            assertThat(metadata.status()).isEqualTo(200);
            assertThat(metadata.body()).contains("\"issuer\":\"http://localhost:8080\"").doesNotContain(EVIL);
        }
    }

    private RawHttp.Answer get(String target, String session) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Host", EVIL, "Accept", "text/html"));
        if (session != null) {
            headers.put("Cookie", session);
        }
        return RawHttp.send(port, "GET", target, headers, null);
    }

    private RawHttp.Answer post(String target, String session, String username, String password, String csrf) {
        return RawHttp.send(port, "POST", target, Map.of("Host", EVIL, "Cookie", session, "Accept", "text/html",
                "Content-Type", "application/x-www-form-urlencoded"), "username=" + encode(username) + "&password="
                + encode(password) + "&_csrf=" + encode(csrf));
    }

    private static String sessionCookieHeader(RawHttp.Answer answer) {
        return answer.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers()));
    }

    private static String sessionCookie(RawHttp.Answer answer) {
        return sessionCookieHeader(answer).split(";")[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
