package cn.xiaoben.activity.external;

/** 外出培训 (TRAINING) or 外出听课 (OBSERVATION). */
public enum ExternalTrainingKind {
    TRAINING, OBSERVATION
}
