package cn.xiaoben.credit.award;

import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.RuleSet;

import java.math.BigDecimal;

/**
 * Where a fact goes whose rule {@code requiresApproval}: instead of a decline, a claim waiting for approval (see
 * {@code cn.xiaoben.credit.claim}); nothing is written to the ledger until the claim is decided. Must be idempotent
 * by the fact's source key (redelivered events open nothing new).
 */
public interface ApprovalRequests {

    void open(CreditFact fact, RuleSet.Rule rule, BigDecimal requestedHours);
}
