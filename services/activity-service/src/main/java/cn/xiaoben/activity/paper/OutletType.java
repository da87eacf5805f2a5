package cn.xiaoben.activity.paper;

/** Where a paper came out: published in a journal (发表), or awarded in an appraisal (获奖). */
public enum OutletType {
    JOURNAL, AWARD
}
