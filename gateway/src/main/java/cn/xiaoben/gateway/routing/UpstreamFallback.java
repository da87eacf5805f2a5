package cn.xiaoben.gateway.routing;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.gateway.web.RequestIds;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends a failed call: 504 {@code upstream-timeout} when the upstream was too slow,
 * 503 {@code upstream-unavailable} when it could not be reached or its breaker is open. Reached only by the
 * gateway's internal forward; clients asking for the path directly are refused by the security chain.
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamFallback {

    static final String PATH = "/internal/fallback/";

    @Bean
    RouterFunction<ServerResponse> upstreamFallbackRoute() {
        return RouterFunctions.route()
                .route(request -> request.path().startsWith(PATH), request -> {
                    String service = request.path().substring(PATH.length());
                    ServerWebExchange exchange = request.exchange();
                    Throwable failure = exchange.getAttribute(
                            ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
                    Problem problem = isTimeout(failure) ? Problem.upstreamTimeout(service)
                            : Problem.upstreamUnavailable(service);
                    return ServerResponse.status(problem.status())
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .bodyValue(problem.body(RequestIds.of(exchange)));
                })
                .build();
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
