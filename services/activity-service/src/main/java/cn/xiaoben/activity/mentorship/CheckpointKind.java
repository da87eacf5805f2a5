package cn.xiaoben.activity.mentorship;

/** 听徒弟的课 (LESSON_OBSERVED), 指导上课 (LESSON_GUIDED), 审阅教案 (PLAN_REVIEWED), 学期考核 (TERM_REVIEW), other. */
public enum CheckpointKind {
    LESSON_OBSERVED, LESSON_GUIDED, PLAN_REVIEWED, TERM_REVIEW, OTHER
}
