package cn.xiaoben.service.problem;

/** One field's error in a problem response, in English and Chinese. */
public record FieldProblem(String field, String code, String message, String messageZh) {
}
