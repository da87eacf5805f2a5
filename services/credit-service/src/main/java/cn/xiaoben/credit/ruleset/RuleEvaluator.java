package cn.xiaoben.credit.ruleset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a rule set to one fact: the first rule whose fact, role and filters match decides; its amount gives the
 * hours, rounded to the nearest half hour (学时 are counted in halves). Caps are the ledger's business, not this.
 */
public final class RuleEvaluator {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private RuleEvaluator() {
    }

    public static RuleEvaluation evaluate(RuleSet set, CreditFact fact) {
        Optional<RuleSet.Rule> match = set.rules().stream().filter(r -> matches(r, fact)).findFirst();
        if (match.isEmpty()) {
            return new RuleEvaluation(null, BigDecimal.ZERO, "no-rule");
        }
        RuleSet.Rule rule = match.get();
        if (!fact.attended()) {
            return new RuleEvaluation(rule, BigDecimal.ZERO, "not-attended");
        }
        BigDecimal hours = amount(rule.amount(), fact);
        if (hours == null) {
            return new RuleEvaluation(rule, BigDecimal.ZERO, "no-grade");
        }
        return new RuleEvaluation(rule, halfHours(hours), null);
    }

    static boolean matches(RuleSet.Rule rule, CreditFact fact) {
        return rule.fact() == fact.fact() && rule.role().equals(fact.role())
                && anyOrContains(rule.forms(), fact.form())
                && anyOrContains(rule.levels(), fact.level())
                && (empty(rule.kinds()) || rule.kinds().stream().anyMatch(fact.kinds()::contains));
    }

    private static BigDecimal amount(RuleSet.Amount amount, CreditFact fact) {
        return switch (amount.type()) {
            case FIXED -> amount.hours();
            case DURATION -> {
                int minutes = fact.minutes() == null ? 0 : fact.minutes();
                BigDecimal units = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(amount.unitMinutes()), 6,
                        RoundingMode.HALF_UP);
                yield units.multiply(amount.hoursPerUnit()).multiply(orOne(amount.multiple()));
            }
            case DECLARED -> fact.declaredHours() == null ? BigDecimal.ZERO
                    : fact.declaredHours().multiply(orOne(amount.factor()));
            case BY_GRADE -> {
                Map<String, BigDecimal> grades = amount.table().get(fact.level());
                yield grades == null || fact.grade() == null ? null : grades.get(fact.grade());
            }
        };
    }

    /** Rounded to the nearest half hour, one decimal. */
    public static BigDecimal halfHours(BigDecimal hours) {
        return hours.multiply(TWO).setScale(0, RoundingMode.HALF_UP).divide(TWO, 1, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal orOne(BigDecimal value) {
        return value == null ? BigDecimal.ONE : value;
    }

    private static boolean anyOrContains(List<String> allowed, String value) {
        return empty(allowed) || (value != null && allowed.contains(value));
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
