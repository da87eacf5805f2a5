package cn.xiaoben.credit.recalculation;

import java.math.BigDecimal;

/**
 * How one source's credit changes under other rules: from {@code oldHours} (0 when it was declined) in
 * {@code oldCategory} to {@code newHours} in {@code newCategory} by {@code newRuleId}, or to a decline
 * ({@code newReason}). Applying it voids the standing entry (if any) and decides the next revision.
 */
public record PlannedChange(StandingDecision current, BigDecimal oldHours, String oldCategory, BigDecimal newHours,
                            BigDecimal newRequestedHours, String newCategory, String newRuleId, String newReason) {

    public BigDecimal delta() {
        return newHours.subtract(oldHours);
    }
}
