package cn.xiaoben.gateway.ratelimit;

import cn.xiaoben.gateway.config.GatewayProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * One token bucket per client, in memory (no Redis): {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. Idle clients' buckets are forgotten after ten minutes. Per gateway instance: with N
 * instances a client gets up to N times the rate.
 */
public class ClientRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final GatewayProperties.RateLimit limit;

    public ClientRateLimiter(GatewayProperties.RateLimit limit) {
        this.limit = limit;
    }

    /** Takes one token from the client's bucket; the probe says whether there was one and when the next comes. */
    public ConsumptionProbe take(String clientKey) {
        return buckets.get(clientKey, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
