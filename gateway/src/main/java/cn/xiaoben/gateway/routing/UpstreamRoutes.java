package cn.xiaoben.gateway.routing;

import cn.xiaoben.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Which path goes to which service. Every route runs through a circuit breaker named after it (its time limiter is
 * the route's timeout) with a problem+json fallback; the bearer token and {@code X-Request-Id} go upstream
 * unchanged. The identity routes keep the client's {@code Host}, so the sign-in redirects point at the gateway
 * ({@code /default-ui.css} is the stylesheet of Spring Security's sign-in page).
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamRoutes {

    /** Route ids, also the circuit breakers' names. */
    public static final List<String> IDS = List.of("token", "identity", "activity", "credit", "evaluation",
            "reporting");

    @Bean
    RouteLocator upstreamRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        return builder.routes()
                .route("token", r -> r.order(0).path("/oauth2/token")
                        .filters(f -> guarded(f, "token").preserveHostHeader())
                        .uri(services.identity()))
                .route("identity", r -> r.order(1).path("/oauth2/**", "/.well-known/**", "/login",
                                "/default-ui.css", "/api/directory/**")
                        .filters(f -> guarded(f, "identity").preserveHostHeader())
                        .uri(services.identity()))
                .route("activity", r -> r.order(1).path("/api/activities/**")
                        .filters(f -> guarded(f, "activity")).uri(services.activity()))
                .route("credit", r -> r.order(1).path("/api/credits/**")
                        .filters(f -> guarded(f, "credit")).uri(services.credit()))
                .route("evaluation", r -> r.order(1).path("/api/evaluations/**")
                        .filters(f -> guarded(f, "evaluation")).uri(services.evaluation()))
                .route("reporting", r -> r.order(1).path("/api/reports/**")
                        .filters(f -> guarded(f, "reporting")).uri(services.reporting()))
                .build();
    }

    private static GatewayFilterSpec guarded(GatewayFilterSpec filters, String id) {
        return filters.circuitBreaker(cb -> cb.setName(id).setFallbackUri("forward:" + UpstreamFallback.PATH + id));
    }
}
