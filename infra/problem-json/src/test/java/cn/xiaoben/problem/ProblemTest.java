package cn.xiaoben.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void theBodyCarriesTheRfc9457MembersAndTheChineseTexts() {
        Map<String, Object> body = Problem.outOfScope("sch-1").body("req-1");

        assertThat(body).containsEntry("type", "https://xiaoben.cn/problems/out-of-scope")
                .containsEntry("status", 403)
                .containsEntry("title", "Out of scope")
                .containsEntry("titleZh", "超出权限范围")
                .containsEntry("code", "out-of-scope")
                .containsEntry("requestId", "req-1")
                .doesNotContainKey("errors");
        assertThat((String) body.get("detailZh")).contains("sch-1");
    }

    @Test
    void theSpringProblemDetailHasTheSameMembers() {
        Problem problem = Problem.tooLarge(1024);
        ProblemDetail detail = problem.detail(null, List.of(Map.of("field", "comment")));

        assertThat(detail.getStatus()).isEqualTo(413);
        assertThat(detail.getType().toString()).isEqualTo(Problem.TYPE_BASE + "too-large");
        assertThat(detail.getProperties()).containsEntry("titleZh", "请求体过大").containsKey("errors")
                .doesNotContainKey("requestId");
        assertThat(problem.body(null).get("detail")).isEqualTo(detail.getDetail());
    }

    @Test
    void everyStatusHasATitleInBothLanguages() {
        for (int status : new int[]{400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503, 504}) {
            assertThat(Problem.Titles.english(status)).isNotBlank();
            assertThat(Problem.Titles.chinese(status)).matches(".*[\\u4e00-\\u9fa5].*");
        }
    }
}
