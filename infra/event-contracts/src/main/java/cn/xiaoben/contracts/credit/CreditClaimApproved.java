package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/**
 * One level of a claim's approval chain approved it after it waited {@code waitedMinutes} there. When
 * {@code finalStep} is true the chain is complete (the hours are then awarded as their own {@code CreditAwarded});
 * otherwise the claim now waits at {@code nextLevel}. Keyed by the teacher.
 */
public record CreditClaimApproved(String claimId, String districtId, String townshipId, String schoolId,
                                  String teacherId, String level, boolean finalStep, String nextLevel,
                                  String approvedBy, String note, long waitedMinutes, Instant approvedAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return claimId;
    }
}
