package cn.xiaoben.identity.authserver.claims;

import cn.xiaoben.identity.accounts.AccountStore;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.util.HashSet;
import java.util.Set;

/**
 * Wraps Spring's authorization-request provider: once the person has signed in, the request's scopes become their
 * role's scopes that the client is registered for ({@link RoleScopes}), so the code, the authorization, the access
 * token, introspection and user info all agree on them. Before sign-in the request passes unchanged (Spring validates
 * it and sends the browser to the sign-in page).
 */
public final class RoleScopedAuthorizationRequests implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final AccountStore accounts;
    private final RegisteredClientRepository clients;

    public RoleScopedAuthorizationRequests(AuthenticationProvider delegate, AccountStore accounts,
                                           RegisteredClientRepository clients) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof OAuth2AuthorizationCodeRequestAuthenticationToken request
                && request.getPrincipal() instanceof Authentication person && person.isAuthenticated()
                && !(person instanceof AnonymousAuthenticationToken)
                && !request.getAdditionalParameters().containsKey(OAuth2ParameterNames.REQUEST_URI)) {
            RegisteredClient client = clients.findByClientId(request.getClientId());
            if (client != null) {
                Set<String> scopes = accounts.byUsername(person.getName())
                        .map(account -> RoleScopes.granted(account.role(), client.getScopes()))
                        .orElseGet(HashSet::new);
                return delegate.authenticate(new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        request.getAuthorizationUri(), request.getClientId(), person, request.getRedirectUri(),
                        request.getState(), scopes, request.getAdditionalParameters()));
            }
        }
        return delegate.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
