package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.contracts.credit.CreditRevoked;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import cn.xiaoben.credit.ruleset.RuleEvaluation;
import cn.xiaoben.credit.ruleset.RuleEvaluator;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what one teacher's part in one fact earns: evaluated against the rule set in force for the district and
 * the school year of the activity's date, then cut to the category's yearly cap against the hours standing in the
 * ledger. The result is one ledger entry carrying {@code CreditAwarded} in the same insert (outbox), or one decline
 * with its reason: {@code no-rule}, {@code not-attended}, {@code no-grade}, {@code not-approved} (the rule needs an
 * approval and no claim could be opened), {@code rejected} (its claim was rejected), {@code no-hours} (the rule pays nothing, e.g. a few minutes), {@code cap-reached}.
 * <p>
 * One decision per source key and revision: a fact whose source key was decided before changes nothing, so
 * redelivered, re-published and duplicated events are harmless. A correction voids the standing entry with a
 * revocation ({@code CreditRevoked}) and decides the corrected fact as the next revision. Decisions for one teacher
 * are serialised in this process (the yearly cap reads the ledger first); events keyed by another person (a paper's
 * co-authors, a project's members, a mentor) may otherwise reach the same teacher on two partitions at once.
 */
@Service
public class CreditAwarder {

    private static final int STRIPES = 64;

    private final RuleSets ruleSets;
    private final CreditLedger ledger;
    private final IdempotentWrites writes;
    private final EventOutbox outbox;
    private final Clock clock;
    private final ObjectProvider<ApprovalRequests> approvals;
    private final Object[] locks = new Object[STRIPES];

    public CreditAwarder(RuleSets ruleSets, CreditLedger ledger, IdempotentWrites writes, EventOutbox outbox,
                         Clock clock, ObjectProvider<ApprovalRequests> approvals) {
        this.ruleSets = ruleSets;
        this.ledger = ledger;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
        this.approvals = approvals;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Decides a fact's first revision, unless anything was decided for its source key already. */
    public void award(CreditFact fact) {
        synchronized (lock(fact.teacherId())) {
            if (!ledger.decided(fact.sourceKey())) {
                decide(fact, ledger.lastRevision(fact.sourceKey()) + 1, null, false);
            }
            afterDecision(fact);
        }
    }

    /**
     * Decides a fact whose claim was finally approved: as {@link #award}, but a rule with {@code requiresApproval}
     * pays (caps still apply). Nothing is decided again if its source key was decided already.
     */
    public void awardApproved(CreditFact fact) {
        synchronized (lock(fact.teacherId())) {
            if (!ledger.decided(fact.sourceKey())) {
                decide(fact, ledger.lastRevision(fact.sourceKey()) + 1, null, true);
            }
            afterDecision(fact);
        }
    }

    /** Records that a fact's claim was rejected: a decline {@code rejected}, unless its source key was decided. */
    public void declineRejected(CreditFact fact) {
        synchronized (lock(fact.teacherId())) {
            if (ledger.decided(fact.sourceKey())) {
                return;
            }
            SchoolYear year = SchoolYear.of(fact.date());
            VersionedRuleSet rules = ruleSets.inForce(fact.districtId(), year);
            RuleEvaluation evaluation = RuleEvaluator.evaluate(rules.ruleSet(), fact);
            decline(fact, ledger.lastRevision(fact.sourceKey()) + 1, null, year, rules, evaluation.rule(), "rejected",
                    evaluation.pays() ? evaluation.hours() : BigDecimal.ZERO);
        }
    }

    /**
     * Applies a correction of a fact ({@code corrected}, in the role of the decision it corrects): the standing entry
     * of its source key, if any, is voided; then the corrected fact is decided as the next revision. A correction
     * applied before (its natural {@code correctionKey}) changes nothing; one interrupted after the voiding finishes.
     */
    public void correct(CreditFact corrected, String correctionKey, String reason) {
        synchronized (lock(corrected.teacherId())) {
            if (!ledger.decidedFor(correctionKey)) {
                if (!ledger.revokedFor(correctionKey)) {
                    ledger.standingAward(corrected.sourceKey())
                            .ifPresent(e -> revoke(e, corrected, correctionKey, reason));
                }
                decide(corrected, ledger.lastRevision(corrected.sourceKey()) + 1, correctionKey, false);
            }
            afterDecision(corrected);
        }
    }

    private void decide(CreditFact fact, int revision, String correctionKey, boolean approved) {
        if (fact.date() == null) {
            throw new IllegalArgumentException("A credit fact needs a date: " + fact.sourceKey());
        }
        SchoolYear year = SchoolYear.of(fact.date());
        VersionedRuleSet rules = ruleSets.inForce(fact.districtId(), year);
        RuleEvaluation evaluation = RuleEvaluator.evaluate(rules.ruleSet(), fact);
        if (!evaluation.pays()) {
            decline(fact, revision, correctionKey, year, rules, evaluation.rule(), evaluation.declineReason(),
                    BigDecimal.ZERO);
            return;
        }
        RuleSet.Rule rule = evaluation.rule();
        BigDecimal requested = evaluation.hours();
        if (rule.needsApproval() && !approved) {
            ApprovalRequests claims = approvals.getIfAvailable();
            if (claims != null && requested.signum() > 0 && correctionKey == null) {
                claims.open(fact, rule, requested);
                return;
            }
            decline(fact, revision, correctionKey, year, rules, rule, "not-approved", requested);
            return;
        }
        if (requested.signum() <= 0) {
            decline(fact, revision, correctionKey, year, rules, rule, "no-hours", requested);
            return;
        }
        Optional<RuleSet.Category> category = rules.ruleSet().category(rule.category());
        BigDecimal hours = requested;
        BigDecimal cap = category.map(RuleSet.Category::yearlyCap).orElse(null);
        if (cap != null) {
            BigDecimal standing = ledger.awarded(fact.teacherId(), year.name(), rule.category());
            hours = requested.min(cap.subtract(standing).max(BigDecimal.ZERO)).setScale(1, RoundingMode.HALF_UP);
        }
        if (hours.signum() == 0) {
            decline(fact, revision, correctionKey, year, rules, rule, "cap-reached", requested);
            return;
        }
        writeAward(fact, revision, correctionKey, year, rules, rule, hours, requested, null);
    }

    private void writeAward(CreditFact fact, int revision, String correctionKey, SchoolYear year,
                            VersionedRuleSet rules, RuleSet.Rule rule, BigDecimal hours, BigDecimal requested,
                            String recalculatedBy) {
        Optional<RuleSet.Category> category = rules.ruleSet().category(rule.category());
        boolean required = category.map(RuleSet.Category::countsAsRequired).orElse(false);
        String entryId = entryId(fact.sourceKey(), revision);
        Instant now = clock.instant();
        CreditAwarded awarded = new CreditAwarded(entryId, fact.teacherId(), fact.districtId(), fact.schoolId(),
                year.name(), rule.category(), hours, requested, rule.id(), fact.eventType(), fact.sourceId(),
                fact.eventId(), fact.date(), now, rules.id(), rules.version(), fact.role(), required,
                fact.sourceKey(), revision);
        Document entry = decision(fact, entryId, revision, correctionKey, year, rules, rule)
                .append("kind", CreditLedger.AWARD)
                .append("category", rule.category())
                .append("requiredContent", required)
                .append("hours", hours.doubleValue())
                .append("requestedHours", requested.doubleValue())
                .append("awardedAt", Date.from(now))
                .append("recalculatedBy", recalculatedBy);
        if (writes.insertOnce(CreditLedger.ENTRIES, outbox.attach(entry, awarded))) {
            outbox.publishSoon(CreditLedger.ENTRIES, entryId);
        }
    }

    private void decline(CreditFact fact, int revision, String correctionKey, SchoolYear year, VersionedRuleSet rules,
                         RuleSet.Rule rule, String reason, BigDecimal requested) {
        decline(fact, revision, correctionKey, year, rules, rule, rule == null ? null : rule.category(), reason,
                requested, null);
    }

    private void decline(CreditFact fact, int revision, String correctionKey, SchoolYear year, VersionedRuleSet rules,
                         RuleSet.Rule rule, String category, String reason, BigDecimal requested,
                         String recalculatedBy) {
        writes.insertOnce(CreditLedger.DECLINES,
                decision(fact, declineId(fact.sourceKey(), revision), revision, correctionKey, year, rules, rule)
                        .append("category", category)
                        .append("reason", reason)
                        .append("requestedHours", requested.doubleValue())
                        .append("decidedAt", Date.from(clock.instant()))
                        .append("recalculatedBy", recalculatedBy));
    }

    /** What {@link #rewrite} did. */
    public enum Rewrite {
        /** the standing decision was voided (if an award) and the planned revision written */
        APPLIED,
        /** the planned revision had been written before (a re-run) */
        ALREADY_APPLIED,
        /** the source was decided again since it was planned: nothing written */
        STALE
    }

    /**
     * Writes a recalculated decision exactly as planned, without evaluating anything: under the teacher's lock, if
     * the source's latest revision is still {@code standingRevision}, its standing award (if any) is voided by a
     * revocation {@code rules-changed} ({@code CreditRevoked}, source = the rule set) and revision
     * {@code standingRevision + 1} is written — an award of {@code hours} in {@code category} by {@code ruleId}
     * ({@code CreditAwarded}), or a decline {@code declineReason}. Ids derive from source key and revision, so a
     * re-run after a crash continues where it stopped.
     */
    public Rewrite rewrite(CreditFact fact, int standingRevision, VersionedRuleSet rules, BigDecimal hours,
                           BigDecimal requested, String category, String ruleId, String declineReason) {
        synchronized (lock(fact.teacherId())) {
            int last = ledger.lastRevision(fact.sourceKey());
            if (last != standingRevision) {
                return last == standingRevision + 1 && ledger.recalculatedBy(fact.sourceKey(), last, rules.id())
                        ? Rewrite.ALREADY_APPLIED : Rewrite.STALE;
            }
            ledger.standingAward(fact.sourceKey()).ifPresent(e -> revoke(e,
                    cn.xiaoben.contracts.EventTypes.CREDIT_RULES_PUBLISHED.name(), rules.id(), rules.id(),
                    null, null, "rules-changed", rules.id()));
            SchoolYear year = SchoolYear.of(fact.date());
            RuleSet.Rule rule = ruleId == null ? null : rules.ruleSet().rules().stream()
                    .filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
            int revision = standingRevision + 1;
            BigDecimal asked = requested == null ? BigDecimal.ZERO : requested;
            if (declineReason == null && rule != null && hours.signum() > 0) {
                writeAward(fact, revision, null, year, rules, rule, hours, asked, rules.id());
            } else {
                decline(fact, revision, null, year, rules, rule, category,
                        declineReason == null ? "no-hours" : declineReason, asked, rules.id());
            }
            afterDecision(fact);
            return Rewrite.APPLIED;
        }
    }

    private void revoke(Document voided, CreditFact correction, String correctionKey, String reason) {
        revoke(voided, correction.eventType(), correction.sourceId(), correction.eventId(), correction.role(),
                correctionKey, reason, null);
    }

    private void revoke(Document voided, String sourceType, String sourceId, String sourceEventId, String sourceRole,
                        String correctionKey, String reason, String recalculatedBy) {
        String voidedId = voided.getString("_id");
        String entryId = revocationId(voidedId);
        BigDecimal minus = CreditLedger.hours(voided.get("hours")).negate();
        Instant now = clock.instant();
        CreditRevoked revoked = new CreditRevoked(entryId, voidedId, voided.getString("teacherId"),
                voided.getString("districtId"), voided.getString("schoolId"), voided.getString("schoolYear"),
                voided.getString("category"), minus, reason, voided.getString("sourceKey"), sourceType,
                sourceId, sourceEventId, java.time.LocalDate.parse(voided.getString("activityDate")),
                now);
        Document entry = new Document("_id", entryId)
                .append("kind", CreditLedger.REVOCATION)
                .append("voids", voidedId)
                .append("teacherId", voided.getString("teacherId"))
                .append("districtId", voided.getString("districtId"))
                .append("schoolId", voided.getString("schoolId"))
                .append("schoolYear", voided.getString("schoolYear"))
                .append("category", voided.getString("category"))
                .append("hours", minus.doubleValue())
                .append("reason", reason)
                .append("sourceKey", voided.getString("sourceKey"))
                .append("fact", voided.getString("fact"))
                .append("role", voided.getString("role"))
                .append("correctionKey", correctionKey)
                .append("source", new Document("type", sourceType).append("id", sourceId)
                        .append("eventId", sourceEventId).append("role", sourceRole))
                .append("activityDate", voided.getString("activityDate"))
                .append("awardedAt", Date.from(now))
                .append("recalculatedBy", recalculatedBy);
        if (writes.insertOnce(CreditLedger.ENTRIES, outbox.attach(entry, revoked))) {
            outbox.publishSoon(CreditLedger.ENTRIES, entryId);
        }
    }

    private static Document decision(CreditFact fact, String id, int revision, String correctionKey, SchoolYear year,
                                     VersionedRuleSet rules, RuleSet.Rule rule) {
        return new Document("_id", id)
                .append("sourceKey", fact.sourceKey())
                .append("revision", revision)
                .append("correctionKey", correctionKey)
                .append("fact", fact.fact().name())
                .append("role", fact.role())
                .append("teacherId", fact.teacherId())
                .append("districtId", fact.districtId())
                .append("schoolId", fact.schoolId())
                .append("schoolYear", year.name())
                .append("ruleId", rule == null ? null : rule.id())
                .append("ruleSetId", rules.id())
                .append("ruleSetVersion", rules.version())
                .append("source", new Document("type", fact.eventType()).append("id", fact.sourceId())
                        .append("eventId", fact.eventId()).append("role", fact.role()))
                .append("activityDate", fact.date().toString())
                .append("inputs", inputs(fact));
    }

    /** Everything of a fact a rule looks at, kept with its decision so that it can be decided again. */
    static Document inputs(CreditFact fact) {
        return new Document("fact", fact.fact().name())
                .append("role", fact.role())
                .append("level", fact.level())
                .append("form", fact.form())
                .append("kinds", new java.util.ArrayList<>(new java.util.TreeSet<>(fact.kinds())))
                .append("grade", fact.grade())
                .append("minutes", fact.minutes())
                .append("declaredHours", fact.declaredHours() == null ? null : fact.declaredHours().toPlainString())
                .append("attended", fact.attended())
                .append("date", fact.date().toString())
                .append("eventType", fact.eventType())
                .append("eventId", fact.eventId())
                .append("sourceId", fact.sourceId())
                .append("districtId", fact.districtId())
                .append("schoolId", fact.schoolId());
    }

    /**
     * The fact a stored decision (an award or a decline) was decided on, rebuilt from its {@code inputs}; empty for a
     * decision written before inputs were kept.
     */
    public static Optional<CreditFact> factOf(Document decision) {
        Document in = decision.get("inputs", Document.class);
        if (in == null) {
            return Optional.empty();
        }
        String declared = in.getString("declaredHours");
        return Optional.of(new CreditFact(decision.getString("sourceKey"), in.getString("eventId"),
                in.getString("eventType"), in.getString("sourceId"), Fact.valueOf(in.getString("fact")),
                decision.getString("teacherId"), in.getString("role"), in.getString("districtId"),
                in.getString("schoolId"), java.time.LocalDate.parse(in.getString("date")), in.getString("level"),
                in.getString("form"), new java.util.HashSet<>(in.getList("kinds", String.class, java.util.List.of())),
                in.getString("grade"), in.getInteger("minutes"), declared == null ? null : new BigDecimal(declared),
                Boolean.TRUE.equals(in.getBoolean("attended"))));
    }

    private Object lock(String teacherId) {
        return locks[Math.floorMod(teacherId.hashCode(), STRIPES)];
    }

    static String entryId(String sourceKey, int revision) {
        return "crd-" + uuid(sourceKey + "|" + revision);
    }

    static String declineId(String sourceKey, int revision) {
        return "dcl-" + uuid(sourceKey + "|" + revision);
    }

    static String revocationId(String voidedEntryId) {
        return "crd-" + uuid(voidedEntryId + "|revoked");
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    // ---- after each decision (requirements met …) ----

    private java.util.List<AfterDecision> afterDecisions = java.util.List.of();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void afterDecisions(java.util.List<AfterDecision> observers) {
        this.afterDecisions = java.util.List.copyOf(observers);
    }

    private void afterDecision(CreditFact fact) {
        for (AfterDecision observer : afterDecisions) {
            observer.decided(fact);
        }
    }
}
