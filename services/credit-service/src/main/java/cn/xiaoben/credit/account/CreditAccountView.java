package cn.xiaoben.credit.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A teacher's credit hours by school year and category, with the ledger entries behind them (awards and voiding
 * entries; an award a correction voided is marked {@code voided}) and the decisions that awarded nothing
 * ({@code declined}: how many; {@code declines}: each with its reason).
 */
public record CreditAccountView(String teacherId, String teacherName, String schoolId, List<YearTotal> years,
                                List<Entry> entries, long declined, List<Decline> declines) {

    public record YearTotal(String schoolYear, BigDecimal totalHours, Map<String, CategoryTotal> byCategory) {
    }

    /** Hours of a category (revocations counted negative) and the number of ledger entries behind them. */
    public record CategoryTotal(BigDecimal hours, int entries) {
    }

    /**
     * One ledger entry and the fact that earned it. {@code kind} award or revocation; a revocation names the entry it
     * {@code voids} and carries minus its hours; {@code voidedBy} names the revocation of a voided award.
     */
    public record Entry(String entryId, String schoolYear, String category, BigDecimal hours,
                        BigDecimal requestedHours, String ruleId, Source source, String schoolId,
                        String activityDate, Instant awardedAt, String kind, boolean voided, String voidedBy,
                        String voids, String role, String ruleSetId, Integer ruleSetVersion, Boolean requiredContent,
                        Integer revision, String reason) {
    }

    public record Source(String type, String id, String eventId, String role) {
    }

    /** A decision that awarded nothing: why (cap-reached, not-attended, not-approved, no-rule, no-grade, no-hours). */
    public record Decline(String declineId, String schoolYear, String reason, String category, String ruleId,
                          String ruleSetId, Integer ruleSetVersion, BigDecimal requestedHours, Source source,
                          String role, String activityDate, Instant decidedAt, Integer revision) {
    }
}
