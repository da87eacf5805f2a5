package cn.xiaoben.gateway.routing;

import cn.xiaoben.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * One circuit breaker per route: it opens when half of the last 20 calls (at least 10) failed or timed out, stays
 * open 10 s, then lets 3 trial calls through. Its time limiter is the route's timeout (504 when it fires).
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(GatewayProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        return factory -> {
            for (String id : UpstreamRoutes.IDS) {
                TimeLimiterConfig timeout = TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeouts().of(id))
                        .cancelRunningFuture(true)
                        .build();
                factory.configure(b -> b.circuitBreakerConfig(breaker).timeLimiterConfig(timeout), id);
            }
        };
    }
}
