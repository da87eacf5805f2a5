package cn.xiaoben.activity.skill;

/** Where a teacher's skill programme stands: enrolled (modules being completed), then passed or failed. */
public enum SkillStatus {
    ENROLLED, PASSED, FAILED
}
