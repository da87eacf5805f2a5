package cn.xiaoben.evaluation.observation;

import java.util.List;

/**
 * The dimensions a lesson observation scores (0–100 each), as {@code LessonObserved.scores} names them, with the
 * names teachers read.
 */
public enum RubricDimension {
    objectives("Teaching objectives", "教学目标"),
    content("Content", "教学内容"),
    method("Method", "教学方法"),
    engagement("Student engagement", "学生参与"),
    effect("Effect", "教学效果"),
    basicSkills("Teacher's basic skills", "教师基本功");

    public static final List<RubricDimension> ALL = List.of(values());

    private final String label;
    private final String labelZh;

    RubricDimension(String label, String labelZh) {
        this.label = label;
        this.labelZh = labelZh;
    }

    public String label() {
        return label;
    }

    public String labelZh() {
        return labelZh;
    }

    /** The fact field holding this dimension's score. */
    String field() {
        return "scores." + name();
    }
}
