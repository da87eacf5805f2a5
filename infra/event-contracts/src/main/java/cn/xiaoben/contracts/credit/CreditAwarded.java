package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Credit hours (学时) were entered in a teacher's ledger. {@code source*} name the fact that earned them;
 * {@code requestedHours} is what the rule gave before the yearly cap of the category cut it to {@code hours}.
 */
public record CreditAwarded(String entryId, String teacherId, String districtId, String schoolId, String schoolYear,
                            String category, BigDecimal hours, BigDecimal requestedHours, String ruleId,
                            String sourceEventType, String sourceId, String sourceEventId, LocalDate activityDate,
                            Instant awardedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return entryId;
    }
}
