package cn.xiaoben.activity.paper;

/** A paper (论文) or a case (案例). */
public enum PaperKind {
    PAPER, CASE
}
