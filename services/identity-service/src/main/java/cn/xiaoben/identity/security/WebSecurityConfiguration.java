package cn.xiaoben.identity.security;

import cn.xiaoben.identity.accounts.AccountStore;
import cn.xiaoben.identity.accounts.AccountUserDetailsService;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.throttle.AuthAttempts;
import cn.xiaoben.identity.throttle.AuthThrottleFilter;
import cn.xiaoben.identity.throttle.SignInAttempts;
import cn.xiaoben.service.problem.ProblemWriter;
import cn.xiaoben.service.security.ResourceServerSecurity;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.time.Clock;

/**
 * The two chains besides the authorization server's: {@code /api/**} (and actuator) as a stateless resource server
 * with problem+json 401/403 from the service kit; everything else (the sign-in page) with form login, throttled
 * ({@link AuthThrottleFilter}) and hardened for browsers ({@link BrowserHardening}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter problems, JwtDecoder identityJwtDecoder)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**");
        http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(identityJwtDecoder)));
        return ResourceServerSecurity.chain(http, problems);
    }

    @Bean
    @Order(3)
    SecurityFilterChain signInChain(HttpSecurity http, AuthAttempts attempts, ProblemWriter problems, Clock clock,
                                    IdentityProperties properties) throws Exception {
        BrowserHardening.headers(http, properties);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .failureHandler(SignInAttempts.failureHandler(attempts))
                        .successHandler(SignInAttempts.successHandler(attempts,
                                BrowserHardening.savedRequestAsPath())))
                .addFilterBefore(AuthThrottleFilter.signIn(attempts, problems, clock),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** The session cookie is {@code Secure} whenever the public issuer is https (and per request behind https). */
    @Bean
    ServletContextInitializer secureSessionCookie(IdentityProperties properties) {
        return servletContext -> {
            if (properties.issuer().startsWith("https://")) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    /** Hashes as {@code {bcrypt}…}: client secrets and account passwords. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountStore accounts) {
        return new AccountUserDetailsService(accounts);
    }
}
