package cn.xiaoben.activity.competition;

/** 一等奖, 二等奖, 三等奖, 优秀奖, or took part (参赛). */
public enum CompetitionOutcome {
    FIRST, SECOND, THIRD, EXCELLENCE, PARTICIPATED
}
