package cn.xiaoben.service.config;

import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.service.directory.DirectoryEventHandlers;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.problem.ProblemResponses;
import cn.xiaoben.service.problem.ProblemWriter;
import cn.xiaoben.service.security.CallerArgumentResolver;
import cn.xiaoben.service.security.PlatformTokenValidator;
import cn.xiaoben.service.security.ResourceServerSecurity;
import cn.xiaoben.service.security.SecurityProperties;
import cn.xiaoben.service.web.BodySizeLimitFilter;
import cn.xiaoben.service.web.RequestIdFilter;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Wires the service kit into every servlet service. */
@AutoConfiguration(
        afterName = "cn.xiaoben.messaging.config.MessagingAutoConfiguration",
        beforeName = {
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@EnableConfigurationProperties({ServiceKitProperties.class, SecurityProperties.class})
public class ServiceKitAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(PlatformTokenValidator.of(properties.issuer()));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        return ResourceServerSecurity.chain(http, problems);
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ServiceKitProperties properties,
                                                                   ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    DirectoryReplica directoryReplica(MongoDatabase database) {
        return new DirectoryReplica(database);
    }

    @Bean
    @ConditionalOnProperty(name = "xiaoben.service.directory-replica", havingValue = "true", matchIfMissing = true)
    DirectoryEventHandlers directoryEventHandlers(IdempotentWrites writes) {
        return new DirectoryEventHandlers(writes);
    }
}
