package cn.xiaoben.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem in the platform's one shape, wherever it is written (servlet services, the reactive gateway):
 * {@code type} (https://xiaoben.cn/problems/&lt;code&gt;), {@code title}, {@code status}, {@code detail},
 * {@code titleZh}, {@code detailZh}, {@code code}, {@code errors} (field problems, if any), {@code requestId}.
 */
public record Problem(HttpStatusCode status, String code, String detail, String detailZh) {

    public static final String TYPE_BASE = "https://xiaoben.cn/problems/";

    public Map<String, Object> body(String requestId) {
        return body(requestId, List.of());
    }

    public Map<String, Object> body(String requestId, List<?> fieldProblems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        body.put("title", Titles.english(status.value()));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("titleZh", Titles.chinese(status.value()));
        body.put("detailZh", detailZh);
        body.put("code", code);
        if (!fieldProblems.isEmpty()) {
            body.put("errors", fieldProblems);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    /** The same problem as Spring's {@link ProblemDetail}, for {@code @ExceptionHandler} methods. */
    public ProblemDetail detail(String requestId, List<?> fieldProblems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(Titles.english(status.value()));
        problem.setProperty("titleZh", Titles.chinese(status.value()));
        problem.setProperty("code", code);
        problem.setProperty("detailZh", detailZh);
        if (!fieldProblems.isEmpty()) {
            problem.setProperty("errors", fieldProblems);
        }
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static Problem invalidToken() {
        return new Problem(HttpStatus.UNAUTHORIZED, "invalid-token", "The bearer token is missing, expired or not ours.",
                "访问令牌缺失、过期或无效。");
    }

    /** The token could not be checked (the identity service's key set is unreachable): the platform's fault. */
    public static Problem tokenCheckUnavailable() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "token-check-unavailable",
                "Tokens cannot be checked right now (the identity service is unreachable); retry shortly.",
                "暂时无法校验访问令牌（身份服务不可达），请稍后重试。");
    }

    public static Problem unauthenticated() {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required.",
                "需要有效的访问令牌（Bearer token）。");
    }

    public static Problem forbidden() {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Your token does not allow this.",
                "您的令牌无权执行此操作。");
    }

    public static Problem outOfScope(String schoolId) {
        return new Problem(HttpStatus.FORBIDDEN, "out-of-scope",
                "School " + schoolId + " is outside the scope of your token.",
                "学校 " + schoolId + " 不在您的权限范围内。");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests; retry after " + retryAfterSeconds + " s.",
                "请求过于频繁，请在 " + retryAfterSeconds + " 秒后重试。");
    }

    public static Problem tooLarge(long limit) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request body exceeds " + limit + " bytes.",
                "请求体超过 " + limit + " 字节的上限。");
    }

    public static Problem upstreamUnavailable(String service) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                "The " + service + " service is unavailable right now; retry later (with the same Idempotency-Key).",
                "服务 " + service + " 暂不可用，请稍后重试（可使用相同的 Idempotency-Key）。");
    }

    public static Problem upstreamTimeout(String service) {
        return new Problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
                "The " + service + " service did not answer in time; the request may or may not have taken effect. "
                        + "Retry with the same Idempotency-Key.",
                "服务 " + service + " 响应超时，请求可能已生效也可能未生效；请使用相同的 Idempotency-Key 重试。");
    }

    /** Status titles in both languages. */
    public static final class Titles {

        private Titles() {
        }

        public static String english(int status) {
            return switch (status) {
                case 400 -> "Invalid request";
                case 401 -> "Not signed in";
                case 403 -> "Out of scope";
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 406 -> "Not acceptable";
                case 409 -> "Conflict";
                case 413 -> "Request too large";
                case 415 -> "Unsupported media type";
                case 422 -> "Cannot be processed";
                case 429 -> "Too many requests";
                case 503 -> "Service unavailable";
                case 504 -> "Upstream timeout";
                default -> status >= 500 ? "Server error" : "Request failed";
            };
        }

        public static String chinese(int status) {
            return switch (status) {
                case 400 -> "请求不合法";
                case 401 -> "未登录或令牌无效";
                case 403 -> "超出权限范围";
                case 404 -> "资源不存在";
                case 405 -> "不支持该请求方法";
                case 406 -> "无法提供所需格式";
                case 409 -> "请求冲突";
                case 413 -> "请求体过大";
                case 415 -> "不支持的内容类型";
                case 422 -> "请求无法处理";
                case 429 -> "请求过于频繁";
                case 503 -> "服务暂不可用";
                case 504 -> "上游服务超时";
                default -> status >= 500 ? "服务器内部错误" : "请求失败";
            };
        }
    }
}
