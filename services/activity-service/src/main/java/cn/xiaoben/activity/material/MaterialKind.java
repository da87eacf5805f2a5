package cn.xiaoben.activity.material;

/** 一套完整教案 (LESSON_PLAN_SET), 一份试卷 (TEST_PAPER) or 课件 (COURSEWARE). */
public enum MaterialKind {
    LESSON_PLAN_SET, TEST_PAPER, COURSEWARE
}
