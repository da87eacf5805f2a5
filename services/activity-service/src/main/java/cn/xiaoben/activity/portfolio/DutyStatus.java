package cn.xiaoben.activity.portfolio;

/** MET: done; OPEN: not yet done, its period still runs; MISSED: its period ended without it. */
public enum DutyStatus {
    MET, OPEN, MISSED
}
