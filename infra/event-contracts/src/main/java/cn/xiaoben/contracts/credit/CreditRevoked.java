package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A voiding entry was appended to a teacher's ledger: the entry {@code voidedEntryId} no longer counts. The ledger is
 * never edited; {@code hours} is minus the voided entry's hours (≤ 0), in the voided entry's school year and
 * category, so a sum over all entries stays right. {@code reason} says why (ATTENDANCE_CORRECTED …);
 * {@code sourceEventType}/{@code sourceId}/{@code sourceEventId} name the correction, {@code sourceKey} the
 * teacher's part in the fact the voided entry paid for. A new award for the corrected fact, if any, follows as its
 * own {@code CreditAwarded}. Keyed by the teacher.
 */
public record CreditRevoked(String entryId, String voidedEntryId, String teacherId, String districtId,
                            String schoolId, String schoolYear, String category, BigDecimal hours, String reason,
                            String sourceKey, String sourceEventType, String sourceId, String sourceEventId,
                            LocalDate activityDate, Instant revokedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return entryId;
    }
}
