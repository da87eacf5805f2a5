package cn.xiaoben.credit.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * How long claims of a school year waited at each level of the approval chain (the caller's scope): decided steps
 * with their average and longest wait in hours, pending claims with the age of the oldest in hours.
 */
public record WaitingTimesView(String schoolYear, List<String> chain, List<Level> levels) {

    public record Level(String level, long decided, BigDecimal averageWaitedHours, BigDecimal maxWaitedHours,
                        long pending, BigDecimal oldestPendingHours) {
    }
}
