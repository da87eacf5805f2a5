package cn.xiaoben.credit.award;

import cn.xiaoben.credit.ruleset.CreditFact;

/**
 * Called by {@link CreditAwarder} after every decision about a teacher's part in a fact, in the teacher's lock —
 * also when the fact had been decided before (a redelivery), so work that follows a ledger write (e.g. noticing a
 * requirement met) is healed when a crash came between the two writes. Must be idempotent.
 */
public interface AfterDecision {

    void decided(CreditFact fact);
}
