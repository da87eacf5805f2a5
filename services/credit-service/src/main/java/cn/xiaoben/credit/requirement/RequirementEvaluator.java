package cn.xiaoben.credit.requirement;

import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.RuleSet;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one requirement for one period from a teacher's ledger entries, as of a day. Pure: the caller gives the
 * entries and "today" (the service clock's Shanghai date).
 * <p>
 * Pace: before the period starts NOT_STARTED; after it ends MET or MISSED; in between MET once met, else the hours
 * so far are projected to the end (earned ÷ elapsed days, today included, × days of the period) and the requirement
 * is AT_RISK when the projection of the hours or of the required content falls short — except in the first 10% of
 * the period (about five weeks of a year), which is ON_TRACK whatever was earned: nobody has a pace yet.
 */
public final class RequirementEvaluator {

    static final BigDecimal EARLY = new BigDecimal("0.10");

    private RequirementEvaluator() {
    }

    public static RequirementProgress evaluate(RuleSet ruleSet, RuleSet.Requirement requirement, Period period,
                                               List<Document> entries, LocalDate today) {
        Map<String, Boolean> requiredById = new HashMap<>();
        for (Document e : entries) {
            if (!CreditLedger.REVOCATION.equals(e.getString("kind"))) {
                requiredById.put(e.getString("_id"), isRequired(ruleSet, e));
            }
        }
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal requiredContent = BigDecimal.ZERO;
        for (Document e : entries) {
            String date = e.getString("activityDate");
            if (date == null || !period.contains(LocalDate.parse(date))) {
                continue;
            }
            if (requirement.category() != null && !requirement.category().equals(e.getString("category"))) {
                continue;
            }
            BigDecimal hours = CreditLedger.hours(e.get("hours"));
            earned = earned.add(hours);
            boolean required = CreditLedger.REVOCATION.equals(e.getString("kind"))
                    ? requiredById.getOrDefault(e.getString("voids"), isRequired(ruleSet, e))
                    : requiredById.get(e.getString("_id"));
            if (required) {
                requiredContent = requiredContent.add(hours);
            }
        }
        BigDecimal required = requirement.hours();
        BigDecimal contentMin = requirement.requiredContentHours();
        boolean met = earned.compareTo(required) >= 0
                && (contentMin == null || requiredContent.compareTo(contentMin) >= 0);
        long total = period.totalDays();
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(period.start(), today) + 1));
        BigDecimal projected = null;
        BigDecimal projectedContent = null;
        RequirementStatus status;
        if (met) {
            status = RequirementStatus.MET;
        } else if (!today.isBefore(period.endExclusive())) {
            status = RequirementStatus.MISSED;
        } else if (today.isBefore(period.start())) {
            status = RequirementStatus.NOT_STARTED;
        } else {
            projected = project(earned, elapsed, total);
            projectedContent = project(requiredContent, elapsed, total);
            boolean early = BigDecimal.valueOf(elapsed).compareTo(EARLY.multiply(BigDecimal.valueOf(total))) < 0;
            boolean short_ = projected.compareTo(required) < 0
                    || (contentMin != null && projectedContent.compareTo(contentMin) < 0);
            status = short_ && !early ? RequirementStatus.AT_RISK : RequirementStatus.ON_TRACK;
        }
        if (met && today.isBefore(period.endExclusive()) && !today.isBefore(period.start())) {
            projected = project(earned, elapsed, total);
            projectedContent = project(requiredContent, elapsed, total);
        }
        return new RequirementProgress(requirement.id(), requirement.nameZh(), period.type().name(), period.name(),
                period.start(), period.lastDay(), requirement.group().name(), requirement.category(), required,
                earned.setScale(1, RoundingMode.HALF_UP), credits(ruleSet, earned), contentMin,
                requiredContent.setScale(1, RoundingMode.HALF_UP), status, projected, projectedContent, elapsed,
                total);
    }

    public static BigDecimal credits(RuleSet ruleSet, BigDecimal hours) {
        BigDecimal perCredit = ruleSet.hoursPerCredit();
        if (perCredit == null || perCredit.signum() <= 0) {
            return null;
        }
        return hours.divide(perCredit, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal project(BigDecimal hours, long elapsed, long total) {
        if (elapsed <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return hours.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP);
    }

    private static boolean isRequired(RuleSet ruleSet, Document entry) {
        Boolean stored = entry.getBoolean("requiredContent");
        if (stored != null) {
            return stored;
        }
        return ruleSet.category(entry.getString("category")).map(RuleSet.Category::countsAsRequired).orElse(false);
    }
}
