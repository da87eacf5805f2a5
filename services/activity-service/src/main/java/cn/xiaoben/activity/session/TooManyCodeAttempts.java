package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** 429 {@code too-many-code-attempts}; {@link SessionProblemHeaders} adds its {@code Retry-After}. */
class TooManyCodeAttempts extends ApiProblem {

    private final long retryAfterSeconds;

    TooManyCodeAttempts(CodePurpose purpose, int max, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-code-attempts",
                max + " wrong " + (purpose == CodePurpose.CHECK_IN ? "check-in" : "check-out")
                        + " codes for this session; ask the host for a new code or retry in " + retryAfterSeconds
                        + " seconds.",
                (purpose == CodePurpose.CHECK_IN ? "签到" : "签退") + "码已连续输错 " + max + " 次，请向主持人索取新的"
                        + (purpose == CodePurpose.CHECK_IN ? "签到" : "签退") + "码，或 " + retryAfterSeconds + " 秒后再试。");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
