package cn.xiaoben.identity.authserver.clients;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.util.Map;

/**
 * Lets a public client (the web client, no secret) revoke its own tokens on sign-out (RFC 7009 §2.1: a public client
 * identifies itself with {@code client_id}). Spring's public-client authentication only accepts PKCE token requests,
 * so {@code POST /oauth2/revoke} with a {@code client_id} and no secret is recognised here. Revoking needs the token
 * itself, and the revocation endpoint still checks that the token was issued to that client.
 */
public final class PublicClientRevocation {

    private PublicClientRevocation() {
    }

    /** What the converter produces; only the provider below authenticates it. */
    static final class Request extends OAuth2ClientAuthenticationToken {

        Request(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }

    public static AuthenticationConverter converter(String revocationEndpoint) {
        return request -> matches(request, revocationEndpoint)
                ? new Request(request.getParameter(OAuth2ParameterNames.CLIENT_ID)) : null;
    }

    public static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                RegisteredClient client = clients.findByClientId(authentication.getPrincipal().toString());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                            "Client authentication failed: client_id", null));
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return Request.class.isAssignableFrom(authentication);
            }
        };
    }

    private static boolean matches(HttpServletRequest request, String endpoint) {
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        return "POST".equals(request.getMethod()) && endpoint.equals(request.getServletPath())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null
                && clientIds != null && clientIds.length == 1 && !clientIds[0].isBlank();
    }
}
