package cn.xiaoben.credit.ruleset;

import java.math.BigDecimal;

/**
 * What a rule set says about one fact before caps: the rule that decided and the hours it gives, or the reason
 * there is nothing to pay ({@code no-rule}, {@code not-attended}, {@code no-grade} — the table has no entry for the
 * fact's level and grade).
 */
public record RuleEvaluation(RuleSet.Rule rule, BigDecimal hours, String declineReason) {

    public boolean pays() {
        return declineReason == null;
    }
}
