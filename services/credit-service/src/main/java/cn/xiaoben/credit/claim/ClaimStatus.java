package cn.xiaoben.credit.claim;

public enum ClaimStatus {
    PENDING, APPROVED, REJECTED
}
