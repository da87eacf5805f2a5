package cn.xiaoben.service.problem;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the platform's problem+json bodies: RFC 9457 members plus code, Chinese texts, field errors, request id. */
public final class Problems {

    public static final String TYPE_BASE = "https://xiaoben.cn/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String detailZh,
                                   List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(Titles.english(status.value()));
        problem.setProperty("titleZh", Titles.chinese(status.value()));
        problem.setProperty("code", code);
        problem.setProperty("detailZh", detailZh);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(ApiProblem p) {
        return of(p.status(), p.code(), p.getMessage(), p.messageZh(), p.fieldProblems());
    }

    /** Status titles in both languages. */
    static final class Titles {

        static String english(int status) {
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

        static String chinese(int status) {
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

        private Titles() {
        }
    }
}
