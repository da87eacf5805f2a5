package cn.xiaoben.identity.security;

import cn.xiaoben.identity.config.IdentityProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What identity's pages (the sign-in form, the authorization endpoint) send to browsers: a Content-Security-Policy
 * (own origin only, no framing, forms post to identity or back to the web client), {@code nosniff}, no framing, and
 * redirects that never carry the request's {@code Host}: every redirect identity builds is a path on the origin the
 * browser used (Tomcat is told to keep relative redirects relative; the saved request after sign-in is reduced to its
 * path). Absolute URLs (issuer, metadata) come from configuration only.
 */
public final class BrowserHardening {

    private BrowserHardening() {
    }

    public static void headers(HttpSecurity http, IdentityProperties properties) throws Exception {
        String policy = contentSecurityPolicy(properties);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .contentTypeOptions(options -> {
                })
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * {@code form-action} also names the web client's origins: browsers apply it to the redirects that follow the
     * sign-in form, and the last one goes back to the client.
     */
    static String contentSecurityPolicy(IdentityProperties properties) {
        Set<String> formTargets = new LinkedHashSet<>();
        formTargets.add("'self'");
        for (String uri : properties.webClient().redirectUris()) {
            URI parsed = URI.create(uri);
            if (parsed.getScheme() != null && parsed.getHost() != null) {
                formTargets.add(parsed.getScheme() + "://" + parsed.getHost()
                        + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()));
            }
        }
        return "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action "
                + String.join(" ", formTargets);
    }

    /** After sign-in, back to the saved request as a path (Spring would build it from the request's Host). */
    public static AuthenticationSuccessHandler savedRequestAsPath() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setRedirectStrategy(pathOnly());
        return handler;
    }

    static RedirectStrategy pathOnly() {
        return (request, response, url) -> response.sendRedirect(response.encodeRedirectURL(path(url)));
    }

    /** The path and query of a URL; "/" for anything that is not a plain path on this origin. */
    static String path(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
