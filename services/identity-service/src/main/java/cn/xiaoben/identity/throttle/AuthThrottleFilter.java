package cn.xiaoben.identity.throttle;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.service.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Runs before authentication and refuses, with 429 problem+json and {@code Retry-After}, an attempt whose client id,
 * username or IP is locked or waiting out a backoff ({@link AuthAttempts}); an attempt refused during a backoff
 * counts as one more failure. On the OAuth2 endpoints ({@link #clientAuthentication}) it also records the outcome of
 * every request that carries a client secret; the sign-in form's outcome is recorded by {@link SignInAttempts}.
 * Requests without a secret (the public web client) are never counted: they cannot guess one.
 */
public final class AuthThrottleFilter extends OncePerRequestFilter {

    private final AuthAttempts attempts;
    private final ProblemWriter problems;
    private final Clock clock;
    private final boolean clientAuthentication;

    private AuthThrottleFilter(AuthAttempts attempts, ProblemWriter problems, Clock clock,
                               boolean clientAuthentication) {
        this.attempts = attempts;
        this.problems = problems;
        this.clock = clock;
        this.clientAuthentication = clientAuthentication;
    }

    /** For the authorization server's chain: client secrets, per client id and per IP. */
    public static AuthThrottleFilter clientAuthentication(AuthAttempts attempts, ProblemWriter problems, Clock clock) {
        return new AuthThrottleFilter(attempts, problems, clock, true);
    }

    /** For the sign-in form: passwords, per username and per username + IP. */
    public static AuthThrottleFilter signIn(AuthAttempts attempts, ProblemWriter problems, Clock clock) {
        return new AuthThrottleFilter(attempts, problems, clock, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<AttemptKey> keys = clientAuthentication ? clientKeys(request) : SignInAttempts.keys(request);
        if (keys.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthAttempts.Refusal> refusal = attempts.refusal(keys);
        if (refusal.isPresent()) {
            if (!refusal.get().locked()) {
                attempts.failed(keys);
            }
            refuse(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
        if (clientAuthentication) {
            Authentication client = SecurityContextHolder.getContext().getAuthentication();
            if (client instanceof OAuth2ClientAuthenticationToken token && token.isAuthenticated()) {
                attempts.succeeded(List.of(keys.get(0)));
            } else if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()
                    || response.getStatus() == HttpStatus.BAD_REQUEST.value()) {
                attempts.failed(keys);
            }
        }
    }

    private void refuse(HttpServletResponse response, AuthAttempts.Refusal refusal) throws IOException {
        long seconds = Math.max(1, (Duration.between(Instant.now(clock), refusal.until()).toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, refusal.locked()
                ? new Problem(HttpStatus.TOO_MANY_REQUESTS, "locked",
                "Locked after too many failed authentications until " + refusal.until() + " (retry after "
                        + seconds + " s), unless a bureau administrator lifts the lock first.",
                "认证失败次数过多，已锁定至 " + refusal.until() + "（" + seconds
                        + " 秒后可重试），或请教育局管理员解除锁定。")
                : new Problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failures",
                "Too many failed authentications; retry after " + seconds + " s. Attempts before then count as"
                        + " failures too.",
                "认证失败次数过多，请在 " + seconds
                        + " 秒后重试；在此之前的尝试同样计为失败。"));
    }

    /** A request carrying a client secret (HTTP Basic or {@code client_secret}): its client id and IP. */
    private static List<AttemptKey> clientKeys(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return List.of();
        }
        String clientId = null;
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            clientId = basicClientId(authorization.substring(6).strip());
        } else if (request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
            clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        }
        if (clientId == null || clientId.isBlank()) {
            return List.of();
        }
        return List.of(AttemptKey.client(clientId), AttemptKey.tokenIp(request.getRemoteAddr()));
    }

    private static String basicClientId(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "<malformed>";
        }
    }
}
