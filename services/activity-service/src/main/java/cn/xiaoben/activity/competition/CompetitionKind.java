package cn.xiaoben.activity.competition;

/** 优质课评选, 基本功大赛, 教学能手评选, 解题大赛, or another competition. */
public enum CompetitionKind {
    QUALITY_LESSON, BASIC_SKILLS, TEACHING_EXPERT, PROBLEM_SOLVING, OTHER
}
