package cn.xiaoben.credit.requirement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A teacher's progress against one requirement in one period. {@code earnedHours}: net hours of the ledger entries
 * dated in the period (revocations negative; only {@code category} when the requirement names one);
 * {@code credits} = earned ÷ hoursPerCredit (学分, one decimal); {@code projectedHours}: the pace projected to the
 * period's end (null when the period is over or has not started).
 */
public record RequirementProgress(String requirementId, String nameZh, String periodType, String period,
                                  LocalDate periodStart, LocalDate periodEnd, String teacherGroup, String category,
                                  BigDecimal requiredHours, BigDecimal earnedHours, BigDecimal credits,
                                  BigDecimal requiredContentHours, BigDecimal requiredContentEarned,
                                  RequirementStatus status, BigDecimal projectedHours,
                                  BigDecimal projectedRequiredContentHours, long elapsedDays, long totalDays) {

    public boolean needsAttention() {
        return status == RequirementStatus.AT_RISK || status == RequirementStatus.MISSED;
    }
}
