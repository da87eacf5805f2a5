package cn.xiaoben.gateway.web;

import cn.xiaoben.gateway.config.GatewayProperties;
import cn.xiaoben.gateway.problem.ProblemExceptionHandler;
import cn.xiaoben.gateway.problem.ProblemWriter;
import cn.xiaoben.gateway.ratelimit.ClientRateLimiter;
import cn.xiaoben.gateway.ratelimit.RateLimitFilter;
import cn.xiaoben.gateway.tenancy.SchoolPathGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own web filters, in order: request id, body size, (security), rate limit, tenancy guard. */
@Configuration(proxyBeanMethods = false)
public class GatewayWebConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemWriter problems) {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(GatewayProperties properties, ProblemWriter problems) {
        return new BodySizeLimitFilter(properties.maxBodySize(), problems);
    }

    @Bean
    @ConditionalOnProperty(name = "xiaoben.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    RateLimitFilter rateLimitFilter(GatewayProperties properties, ProblemWriter problems, MeterRegistry meters) {
        return new RateLimitFilter(new ClientRateLimiter(properties.rateLimit()), problems, meters);
    }

    @Bean
    SchoolPathGuard schoolPathGuard(ProblemWriter problems) {
        return new SchoolPathGuard(problems);
    }
}
