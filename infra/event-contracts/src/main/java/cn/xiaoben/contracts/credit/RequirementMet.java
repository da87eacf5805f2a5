package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher met a credit requirement of the rule set in force (e.g. 24 学时 in a school year with 12 from required
 * content) for one period: {@code period} names it ({@code 2026-2027} for YEAR, {@code 2026-2027-1} for TERM,
 * {@code 2024-2029} for a CYCLE), from {@code periodStart} to {@code periodEnd} inclusive. Emitted once per teacher ×
 * requirement × period ({@code recordId}), when an award first makes the net hours of the period reach
 * {@code requiredHours} and the required-content hours reach {@code requiredContentHours} (null: no minimum).
 * {@code entryId} is the ledger entry whose award crossed the line. Keyed by the teacher.
 */
public record RequirementMet(String recordId, String teacherId, String districtId, String schoolId,
                             String requirementId, String requirementNameZh, String periodType, String period,
                             LocalDate periodStart, LocalDate periodEnd, String ruleSetId, Integer ruleSetVersion,
                             BigDecimal requiredHours, BigDecimal earnedHours, BigDecimal requiredContentHours,
                             BigDecimal requiredContentEarned, String category, String entryId, Instant metAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return recordId;
    }
}
