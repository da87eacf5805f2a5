package cn.xiaoben.service.problem;

import cn.xiaoben.problem.Problem;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A client-facing failure, rendered as RFC 9457 problem+json with an English and a Chinese message.
 * {@code code} is a stable machine-readable slug (also the last segment of the problem {@code type}).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageZh;
    private final List<FieldProblem> fieldProblems;

    public ApiProblem(HttpStatus status, String code, String message, String messageZh, List<FieldProblem> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.fieldProblems = List.copyOf(fields);
    }

    public ApiProblem(HttpStatus status, String code, String message, String messageZh) {
        this(status, code, message, messageZh, List.of());
    }

    /** One of the platform's standard problems, thrown. */
    public static ApiProblem of(Problem problem) {
        return new ApiProblem(HttpStatus.valueOf(problem.status().value()), problem.code(), problem.detail(),
                problem.detailZh());
    }

    public static ApiProblem notFound(String what, String whatZh, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist.",
                whatZh + " " + id + " 不存在。");
    }

    public static ApiProblem forbidden(String message, String messageZh) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "out-of-scope", message, messageZh);
    }

    public static ApiProblem conflict(String code, String message, String messageZh) {
        return new ApiProblem(HttpStatus.CONFLICT, code, message, messageZh);
    }

    public static ApiProblem invalid(List<FieldProblem> fields) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.",
                "请求中有字段不合法。", fields);
    }

    public static ApiProblem invalidField(String field, String code, String message, String messageZh) {
        return invalid(List.of(new FieldProblem(field, code, message, messageZh)));
    }

    /** A well-formed request the service cannot act on yet or at all (e.g. a teacher it does not know). */
    public static ApiProblem unprocessable(String code, String field, String message, String messageZh) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, message, messageZh,
                field == null ? List.of() : List.of(new FieldProblem(field, code, message, messageZh)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
