package cn.xiaoben.identity.authserver;

import cn.xiaoben.identity.accounts.AccountStore;
import cn.xiaoben.identity.authserver.authorizations.MongoAuthorizationService;
import cn.xiaoben.identity.authserver.claims.RoleScopedAuthorizationRequests;
import cn.xiaoben.identity.authserver.claims.TenancyClaimsCustomizer;
import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.authserver.clients.DefaultScopesConverter;
import cn.xiaoben.identity.authserver.clients.MongoRegisteredClientRepository;
import cn.xiaoben.identity.authserver.clients.PublicClientRevocation;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.security.BrowserHardening;
import cn.xiaoben.identity.throttle.AuthAttempts;
import cn.xiaoben.identity.throttle.AuthThrottleFilter;
import cn.xiaoben.service.problem.ProblemWriter;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.util.Set;

/**
 * The OAuth2 authorization server: its endpoints under {@code /oauth2/**} and {@code /.well-known/**} (OIDC user
 * info and logout moved under {@code /oauth2/} too, so the gateway needs no more routes), a fixed issuer, every
 * client and authorization stored in MongoDB; the signing keys: {@code keys.SigningKeysConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, JwtDecoder identityJwtDecoder,
                                                 RegisteredClientRepository clients, AccountStore accounts,
                                                 AuthorizationServerSettings settings, AuthAttempts attempts,
                                                 ProblemWriter problems, Clock clock,
                                                 IdentityProperties properties) throws Exception {
        BrowserHardening.headers(http, properties);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
            server.tokenEndpoint(token -> token.accessTokenRequestConverter(new DefaultScopesConverter()));
            server.authorizationEndpoint(authorize -> authorize.authenticationProviders(providers ->
                    providers.replaceAll(p -> p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider
                            ? new RoleScopedAuthorizationRequests(p, accounts, clients) : p)));
            server.clientAuthentication(client -> client
                    .authenticationConverters(converters -> converters.add(
                            PublicClientRevocation.converter(settings.getTokenRevocationEndpoint())))
                    .authenticationProviders(providers -> providers.add(0,
                            PublicClientRevocation.provider(clients))));
        });
        // before client authentication (which Spring places right after the pre-authentication filter)
        http.addFilterBefore(AuthThrottleFilter.clientAuthentication(attempts, problems, clock),
                AbstractPreAuthenticatedProcessingFilter.class);
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(identityJwtDecoder)));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browsers));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuer())
                .oidcUserInfoEndpoint("/oauth2/userinfo")
                .oidcLogoutEndpoint("/oauth2/logout")
                .oidcClientRegistrationEndpoint("/oauth2/register")
                .build();
    }

    @Bean
    MongoRegisteredClientRepository registeredClientRepository(MongoDatabase database) {
        return new MongoRegisteredClientRepository(database);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(MongoDatabase database, RegisteredClientRepository clients,
                                                    Clock clock) {
        return new MongoAuthorizationService(database, clients, clock);
    }

    @Bean
    ClientTemplates clientTemplates(IdentityProperties properties) {
        return new ClientTemplates(properties);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenancyClaimsCustomizer(AccountStore accounts, TeacherStore teachers) {
        return new TenancyClaimsCustomizer(accounts, teachers);
    }
}
