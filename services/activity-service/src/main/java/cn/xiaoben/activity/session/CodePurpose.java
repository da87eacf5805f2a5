package cn.xiaoben.activity.session;

/** What a short-lived attendance code is for. */
public enum CodePurpose {
    CHECK_IN, CHECK_OUT
}
