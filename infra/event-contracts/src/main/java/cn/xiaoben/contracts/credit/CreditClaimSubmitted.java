package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's claim for credit hours that no activity event covers (external training, another platform's
 * certificate, class-teacher training …) entered the approval chain: it now waits at {@code level}, the first level
 * of {@code chain} (SCHOOL, TOWNSHIP, COUNTY). {@code origin} is {@code DIRECT} (claimed through the credit service,
 * {@code sourceEventType}/{@code sourceId} null) or the activity event that needed an approval
 * ({@code ExternalTrainingClaimed}, its record id). {@code date} is a civil date in China Standard Time. Keyed by the
 * teacher.
 */
public record CreditClaimSubmitted(String claimId, String districtId, String townshipId, String schoolId,
                                   String teacherId, String kind, String title, String organizer, BigDecimal hours,
                                   LocalDate date, List<String> evidenceAttachmentIds, String origin,
                                   String sourceEventType, String sourceId, List<String> chain, String level,
                                   String submittedBy, Instant submittedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return claimId;
    }
}
