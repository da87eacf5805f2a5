package cn.xiaoben.credit.claim;

/** What a credit claim is for: hours that no activity event covers. */
public enum ClaimKind {
    /** 外出培训 — training outside the platform. */
    EXTERNAL_TRAINING,
    /** 其他平台学时证明 — another platform's certificate. */
    OTHER_PLATFORM,
    /** 班主任专项培训 — class-teacher training (paid into the class-teacher category). */
    CLASS_TEACHER,
    OTHER
}
