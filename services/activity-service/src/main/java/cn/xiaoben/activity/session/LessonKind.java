package cn.xiaoben.activity.session;

/** The kind of an open lesson: 公开课, 示范课, 观摩课, 汇报课. */
public enum LessonKind {
    OPEN, DEMONSTRATION, OBSERVATION, REPORT
}
