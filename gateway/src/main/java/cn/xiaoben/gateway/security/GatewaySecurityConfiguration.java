package cn.xiaoben.gateway.security;

import cn.xiaoben.gateway.config.JwtProperties;
import cn.xiaoben.problem.Problem;
import cn.xiaoben.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.time.Instant;
import java.util.Objects;

/**
 * Two stateless chains: {@code /api/**} needs a valid JWT from the identity service (signature from its key set,
 * issuer, expiry) — except GET {@code /api/credits/certificates/{number}/verification}, public; everything else (the authorization server's own endpoints, the sign-in page, health and metrics)
 * passes through untouched, except the other actuator endpoints, which stay closed. No CSRF here: the gateway keeps
 * no session; the identity service protects its own sign-in form.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /** The one public API path: credit-service's certificate verification. */
    static final String CERTIFICATE_VERIFICATION = "/api/credits/certificates/*/verification";

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        // Spring's defaults take a token without exp as never expiring; the platform issues none of those
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(
                properties.issuer()), new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemWriter problems) {
        return stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                .authorizeExchange(ex -> ex
                        // public: a printed certificate's number is checked by anyone (totals only, no names)
                        .pathMatchers(HttpMethod.GET, CERTIFICATE_VERIFICATION).permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, Problem.unauthenticated()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, Problem.forbidden())))
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, Problem.invalidToken()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, Problem.forbidden()))
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain passThroughChain(ServerHttpSecurity http, ProblemWriter problems) {
        return stateless(http)
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**", "/internal/**").denyAll()
                        .anyExchange().permitAll())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, Problem.unauthenticated()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, Problem.forbidden())))
                .build();
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }
}
