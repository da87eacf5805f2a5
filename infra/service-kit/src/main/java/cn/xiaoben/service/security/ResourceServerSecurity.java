package cn.xiaoben.service.security;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.service.problem.ProblemWriter;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/** Every service is an OAuth2 resource server: JWTs from the identity service, 401/403 as problem+json. */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, ProblemWriter problems, String... publicPaths) {
        List<String> open = new ArrayList<>(List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/error"));
        open.addAll(List.of(publicPaths));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                Problem.unauthenticated()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, Problem.forbidden())))
                .oauth2ResourceServer(rs -> rs
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                Problem.invalidToken()))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::authentication))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failures(problems));
                                return filter;
                            }
                        }));
        return http.build();
    }

    /**
     * A token that is not valid is a 401; a token that cannot be checked because the identity service's key set
     * cannot be fetched is the platform's fault, a 503 the client may retry, never a bare 500.
     */
    static AuthenticationFailureHandler failures(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response,
                e instanceof AuthenticationServiceException ? Problem.tokenCheckUnavailable() : Problem.invalidToken());
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.from(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The converter as a Spring {@link Converter}, for callers that configure the resource server themselves. */
    public static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return ResourceServerSecurity::authentication;
    }
}
