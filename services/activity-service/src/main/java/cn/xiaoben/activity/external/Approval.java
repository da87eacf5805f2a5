package cn.xiaoben.activity.external;

/**
 * Where a claim for external training stands. The activity service only records the claim (CLAIMED); approving or
 * refusing it, and crediting its hours, belongs to the credit service.
 */
public enum Approval {
    CLAIMED
}
