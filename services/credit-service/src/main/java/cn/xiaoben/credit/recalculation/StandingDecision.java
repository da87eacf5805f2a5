package cn.xiaoben.credit.recalculation;

import cn.xiaoben.credit.ruleset.CreditFact;

import java.math.BigDecimal;

/**
 * What the ledger currently says about one source (its latest revision): an award of {@code hours} in
 * {@code category} by {@code ruleId}, or a decline ({@code hours} 0, {@code reason}) — with the fact it was decided on.
 */
public record StandingDecision(CreditFact fact, String entryId, int revision, String category, String ruleId,
                               BigDecimal hours, String reason) {

    public boolean isAward() {
        return reason == null;
    }
}
