package cn.xiaoben.gateway.problem;

import cn.xiaoben.problem.Problem;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Every failure the gateway itself answers, as problem+json (runs before Boot's default error handler). */
public class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return problems.write(exchange, problemFor(exchange, ex));
    }

    static Problem problemFor(ServerWebExchange exchange, Throwable ex) {
        String path = exchange.getRequest().getPath().value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : "upstream";
        if (isCause(ex, TimeoutException.class)) {
            return Problem.upstreamTimeout(service);
        }
        if (ex instanceof NotFoundException || ex instanceof CallNotPermittedException
                || isCause(ex, ConnectException.class)) {
            return Problem.upstreamUnavailable(service);
        }
        if (ex instanceof AuthenticationServiceException) {
            // the key set could not be fetched: the identity service is down, the token may well be fine
            return Problem.upstreamUnavailable("identity");
        }
        if (ex instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode(), status.getReason(), path, service);
        }
        log.error("Unexpected failure on {}", path, ex);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong in the gateway.",
                "网关内部错误。");
    }

    private static Problem fromStatus(HttpStatusCode code, String reason, String path, String service) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> new Problem(status, "not-found", "No such resource: " + path, "资源不存在：" + path);
            case CONTENT_TOO_LARGE -> new Problem(status, "too-large",
                    reason != null ? reason : "The request body is too large.", "请求体过大。");
            case METHOD_NOT_ALLOWED -> new Problem(status, "method-not-allowed", "Method not allowed here.",
                    "此处不支持该请求方法。");
            case GATEWAY_TIMEOUT -> Problem.upstreamTimeout(service);
            case SERVICE_UNAVAILABLE, BAD_GATEWAY -> Problem.upstreamUnavailable(service);
            default -> new Problem(status, status.is5xxServerError() ? "internal-error" : "bad-request",
                    reason != null ? reason : status.getReasonPhrase(),
                    status.is5xxServerError() ? "网关内部错误。" : "请求无法处理。");
        };
    }

    private static boolean isCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        // before Boot's DefaultErrorWebExceptionHandler (-1) and WebFlux's own handlers (0)
        return -2;
    }
}
