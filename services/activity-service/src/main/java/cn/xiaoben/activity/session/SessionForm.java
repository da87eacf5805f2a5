package cn.xiaoben.activity.session;

/** The form of a PD session (研修活动形式). */
public enum SessionForm {
    /** 主题教研 / 专题研讨 */
    THEMED_RESEARCH,
    /** 集体备课 */
    COLLECTIVE_PREPARATION,
    /** 专题讲座 */
    LECTURE,
    /** 专题沙龙 */
    SALON,
    /** 同课异构 */
    SAME_LESSON_DIFFERENT_DESIGNS,
    /** 公开课 / 示范课 / 观摩课 / 汇报课 */
    OPEN_LESSON,
    /** 读书交流会 */
    READING_CLUB
}
