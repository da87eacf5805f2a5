package cn.xiaoben.service.problem;

import cn.xiaoben.problem.Problem;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** Builds the platform's problem bodies (see {@link Problem}) for Spring MVC, with the request id from the log MDC. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String detailZh,
                                   List<FieldProblem> fields) {
        return new Problem(status, code, detail, detailZh).detail(MDC.get("requestId"), fields);
    }

    public static ProblemDetail of(ApiProblem p) {
        return of(p.status(), p.code(), p.getMessage(), p.messageZh(), p.fieldProblems());
    }
}
