package cn.xiaoben.credit.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A teacher's credit hours by school year and category, with the ledger entries behind them. */
public record CreditAccountView(String teacherId, String teacherName, String schoolId, List<YearTotal> years,
                                List<Entry> entries, long declined) {

    public record YearTotal(String schoolYear, BigDecimal totalHours, Map<String, CategoryTotal> byCategory) {
    }

    public record CategoryTotal(BigDecimal hours, int entries) {
    }

    /** One ledger entry and the fact that earned it. */
    public record Entry(String entryId, String schoolYear, String category, BigDecimal hours,
                        BigDecimal requestedHours, String ruleId, Source source, String schoolId,
                        String activityDate, Instant awardedAt) {
    }

    public record Source(String type, String id, String eventId) {
    }
}
