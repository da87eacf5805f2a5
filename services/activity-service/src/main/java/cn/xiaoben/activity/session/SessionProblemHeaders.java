package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems that need a header besides the body: 429 {@code too-many-code-attempts} with {@code Retry-After}. Ordered
 * before the service kit's {@code ProblemResponses}, which renders every other problem.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblemHeaders {

    @ExceptionHandler(TooManyCodeAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyCodeAttempts e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(Problems.of(e));
    }
}
