package cn.xiaoben.activity.session;

/**
 * Who organises a session (主办): a school, one of its subject groups, the township education office (镇教育组) or
 * the county (教育局 / 教研室). The host teacher runs it; the unit decides who plans it and whom it may invite.
 */
public enum HostUnit {
    SCHOOL, GROUP, TOWNSHIP, COUNTY
}
