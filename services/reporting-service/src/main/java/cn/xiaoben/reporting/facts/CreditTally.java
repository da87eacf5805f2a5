package cn.xiaoben.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Credit hours awarded in a school year (to a school's teachers, or one teacher): total, per category, and to whom. */
public record CreditTally(BigDecimal totalHours, long teachersWithCredit, Map<String, BigDecimal> byCategory,
                          Instant lastStoredAt) {

    public static CreditTally none() {
        return new CreditTally(BigDecimal.ZERO, 0, Map.of(), null);
    }
}
