package cn.xiaoben.identity.throttle;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.util.List;

/**
 * The sign-in form's outcomes for {@link AuthAttempts}: a failure counts against the username and the username + IP,
 * a success forgets both.
 */
public final class SignInAttempts {

    private static final String USERNAME = "username";

    private SignInAttempts() {
    }

    /** The keys of a sign-in attempt ({@code POST /login} with a username), none for any other request. */
    static List<AttemptKey> keys(HttpServletRequest request) {
        String username = request.getParameter(USERNAME);
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath()) || username == null
                || username.isBlank()) {
            return List.of();
        }
        return List.of(AttemptKey.login(username), AttemptKey.loginIp(username, request.getRemoteAddr()));
    }

    public static AuthenticationFailureHandler failureHandler(AuthAttempts attempts) {
        SimpleUrlAuthenticationFailureHandler delegate = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            attempts.failed(keys(request));
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }

    public static AuthenticationSuccessHandler successHandler(AuthAttempts attempts,
                                                              AuthenticationSuccessHandler delegate) {
        return (request, response, authentication) -> {
            attempts.succeeded(keys(request));
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
