package cn.xiaoben.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's settings ({@code xiaoben.gateway.*}).
 *
 * @param services    where each upstream service listens
 * @param timeouts    how long an upstream may take before the client gets 504
 * @param rateLimit   the per-client token bucket
 * @param maxBodySize the largest request body accepted (413 above it)
 */
@ConfigurationProperties("xiaoben.gateway")
public record GatewayProperties(
        @DefaultValue Services services,
        @DefaultValue Timeouts timeouts,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("10MB") DataSize maxBodySize) {

    public record Services(
            @DefaultValue("http://127.0.0.1:9000") URI identity,
            @DefaultValue("http://127.0.0.1:8081") URI activity,
            @DefaultValue("http://127.0.0.1:8082") URI credit,
            @DefaultValue("http://127.0.0.1:8083") URI evaluation,
            @DefaultValue("http://127.0.0.1:8084") URI reporting) {
    }

    /**
     * @param api    every API route
     * @param token  the token endpoint
     * @param routes per-route overrides by route id (identity, activity, credit, evaluation, reporting, token)
     */
    public record Timeouts(
            @DefaultValue("10s") Duration api,
            @DefaultValue("5s") Duration token,
            @DefaultValue Map<String, Duration> routes) {

        public Duration of(String routeId) {
            Duration override = routes.get(routeId);
            if (override != null) {
                return override;
            }
            return routeId.equals("token") ? token : api;
        }
    }

    /**
     * @param enabled           whether requests are limited at all
     * @param requestsPerSecond the sustained rate per client (token {@code sub}, else client IP)
     * @param burst             how many requests a client may make at once (the bucket's capacity)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") long requestsPerSecond,
            @DefaultValue("400") long burst) {
    }
}
