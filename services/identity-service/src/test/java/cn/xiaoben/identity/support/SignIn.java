package cn.xiaoben.identity.support;

import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signing in through the web client as a browser would: authorization request (PKCE, S256), the sign-in
 * form with its CSRF token, the redirect back with the code, and the code exchanged at {@code /oauth2/token}.
 */
public final class SignIn {

    public static final String WEB_CLIENT = "xiaoben-web";
    public static final String REDIRECT = "http://localhost:8080/";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final Api browser;
    private String lastCode;

    public SignIn(int port) {
        this.port = port;
        this.browser = browser(port);
    }

    /** A client with its own cookie jar that follows no redirects. */
    public static Api browser(int port) {
        return new Api(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public Api browserApi() {
        return browser;
    }

    /** The token response (access_token, id_token, scope, …) for this person, failing the test otherwise. */
    public JsonNode tokens(String username, String password, String scope) {
        String verifier = "verifier-" + UUID.randomUUID() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        Response toLogin = html("/oauth2/authorize?response_type=code&client_id=" + WEB_CLIENT + "&redirect_uri="
                + encode(REDIRECT) + "&scope=" + encode(scope) + "&state=st4te&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256");
        expect(toLogin.status() == 302, "authorize → sign-in", toLogin);
        Response signedIn = browser.form("/login", Map.of("username", username, "password", password,
                "_csrf", csrf()), Map.of());
        expect(signedIn.status() == 302 && !signedIn.header("Location").contains("error"), "sign-in", signedIn);
        Response toClient = html(signedIn.header("Location"));
        expect(toClient.status() == 302 && toClient.header("Location").startsWith(REDIRECT), "back to the client",
                toClient);
        String code = URI.create(toClient.header("Location")).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        lastCode = code;
        Response token = new Api(port).form("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "client_id", WEB_CLIENT, "code_verifier", verifier), Map.of());
        expect(token.status() == 200, "code exchange", token);
        return token.json();
    }

    /** The authorization code the last {@link #tokens} exchanged. */
    public String lastCode() {
        return lastCode;
    }

    /** The CSRF token of a fresh sign-in page. */
    public String csrf() {
        Response page = html("/login");
        Matcher m = CSRF.matcher(page.text());
        expect(m.find(), "sign-in page with a CSRF token", page);
        return m.group(1);
    }

    public Response html(String path) {
        return browser.send(browser.request(path, null).setHeader("Accept", "text/html").GET());
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(boolean ok, String step, Response response) {
        if (!ok) {
            throw new AssertionError(step + " answered " + response.status() + " " + response.headers().map() + " "
                    + response.text());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
