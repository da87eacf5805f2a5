package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Credit hours (学时) were entered in a teacher's ledger. {@code source*} name the fact that earned them;
 * {@code requestedHours} is what the rule gave before the yearly cap of the category cut it to {@code hours}.
 * Since issue 4 (nullable for older producers): {@code ruleSetId} and {@code ruleSetVersion} name the rule set that
 * decided, {@code role} the teacher's part in the fact (OBSERVER, HOST, MAIN_AUTHOR …), {@code requiredContent}
 * whether the category is required content (必修), {@code sourceKey} the natural key of the teacher's part in the fact
 * ({@code <fact>|<sourceId>|<teacherId>|<role>}) and {@code revision} 1 for a first award, 2 … after corrections.
 */
public record CreditAwarded(String entryId, String teacherId, String districtId, String schoolId, String schoolYear,
                            String category, BigDecimal hours, BigDecimal requestedHours, String ruleId,
                            String sourceEventType, String sourceId, String sourceEventId, LocalDate activityDate,
                            Instant awardedAt, String ruleSetId, Integer ruleSetVersion, String role,
                            Boolean requiredContent, String sourceKey, Integer revision) implements DomainEvent {

    /** Without the rule-set fields (producers before issue 4). */
    public CreditAwarded(String entryId, String teacherId, String districtId, String schoolId, String schoolYear,
                         String category, BigDecimal hours, BigDecimal requestedHours, String ruleId,
                         String sourceEventType, String sourceId, String sourceEventId, LocalDate activityDate,
                         Instant awardedAt) {
        this(entryId, teacherId, districtId, schoolId, schoolYear, category, hours, requestedHours, ruleId,
                sourceEventType, sourceId, sourceEventId, activityDate, awardedAt, null, null, null, null, null, null);
    }

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return entryId;
    }
}
