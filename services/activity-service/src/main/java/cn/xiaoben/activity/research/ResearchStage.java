package cn.xiaoben.activity.research;

/** The stages of a research project (课题研究), in the only order a project may pass through them. */
public enum ResearchStage {
    APPLIED("申报"), APPROVED("立项"), OPENED("开题"), MIDTERM("中期"), CONCLUDED("结题");

    private final String zh;

    ResearchStage(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The stage after this one, or null when the project is concluded. */
    public ResearchStage next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }
}
