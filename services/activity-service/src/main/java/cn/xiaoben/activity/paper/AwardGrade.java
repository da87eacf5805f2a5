package cn.xiaoben.activity.paper;

/** 一等奖, 二等奖, 三等奖, 优秀奖. */
public enum AwardGrade {
    FIRST, SECOND, THIRD, EXCELLENCE
}
