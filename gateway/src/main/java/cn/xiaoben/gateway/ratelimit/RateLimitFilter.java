package cn.xiaoben.gateway.ratelimit;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.gateway.problem.ProblemWriter;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeUnit;

/**
 * 429 problem+json when a client is over its rate; otherwise {@code X-RateLimit-Remaining} on the response.
 * Runs after authentication so that a token's subject, not a shared address, is the key. Health and metrics are
 * never limited.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    private final ClientRateLimiter limiter;
    private final ProblemWriter problems;
    private final Counter rejected;

    public RateLimitFilter(ClientRateLimiter limiter, ProblemWriter problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.problems = problems;
        this.rejected = Counter.builder("xiaoben.gateway.rate_limited")
                .description("Requests refused because their client was over its rate").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return ClientKeys.of(exchange).flatMap(key -> {
            ConsumptionProbe probe = limiter.take(key);
            if (probe.isConsumed()) {
                exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                        String.valueOf(probe.getRemainingTokens()));
                return chain.filter(exchange);
            }
            rejected.increment();
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
            return problems.write(exchange, Problem.tooManyRequests(retryAfter));
        });
    }

    @Override
    public int getOrder() {
        // after the security chain (-100), before the tenancy guard
        return 5;
    }
}
