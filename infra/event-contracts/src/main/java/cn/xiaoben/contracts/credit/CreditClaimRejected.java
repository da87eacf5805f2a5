package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/**
 * A level of a claim's approval chain rejected it (with {@code reason}) after it waited {@code waitedMinutes} there;
 * the claim is closed and earns nothing. Keyed by the teacher.
 */
public record CreditClaimRejected(String claimId, String districtId, String townshipId, String schoolId,
                                  String teacherId, String level, String rejectedBy, String reason,
                                  long waitedMinutes, Instant rejectedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return claimId;
    }
}
