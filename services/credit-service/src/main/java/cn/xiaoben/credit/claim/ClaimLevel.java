package cn.xiaoben.credit.claim;

/** A level of the approval chain of credit claims (审核层级), and who approves there. */
public enum ClaimLevel {
    /** The SCHOOL_ADMIN of the teacher's school. */
    SCHOOL("学校"),
    /** The TOWNSHIP_ADMIN of the school's township. */
    TOWNSHIP("乡镇"),
    /** A BUREAU_ADMIN or EXPERT of the district. */
    COUNTY("县（区）");

    private final String zh;

    ClaimLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
