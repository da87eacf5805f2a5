package cn.xiaoben.credit.requirement;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.credit.RequirementMet;
import cn.xiaoben.credit.award.AfterDecision;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.outbox.EventOutbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Notices requirements met (collection {@code requirements_met}, outbox of {@link RequirementMet}). After every
 * decision of the awarder — a redelivered fact included — the requirements of the rule set in force for the fact's
 * date that apply to the teacher's groups are evaluated for the period containing that date; a requirement met
 * there for the first time is recorded with {@code _id} {@code teacher|requirement|period} and the event in the same
 * insert, so it is emitted once, and a crash between the ledger write and this one heals on the redelivery.
 */
@Component
public class RequirementsMet implements AfterDecision {

    public static final String COLLECTION = "requirements_met";

    private final RuleSets ruleSets;
    private final TeacherGroups groups;
    private final MongoCollection<Document> met;
    private final MongoCollection<Document> entries;
    private final IdempotentWrites writes;
    private final EventOutbox outbox;
    private final Clock clock;

    public RequirementsMet(RuleSets ruleSets, TeacherGroups groups, MongoDatabase database, IdempotentWrites writes,
                           EventOutbox outbox, Clock clock) {
        this.ruleSets = ruleSets;
        this.groups = groups;
        this.met = database.getCollection(COLLECTION);
        this.entries = database.getCollection(CreditLedger.ENTRIES);
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        met.createIndex(Indexes.ascending("teacherId", "period"));
    }

    @Override
    public void decided(CreditFact fact) {
        if (fact.date() == null || fact.teacherId() == null || fact.districtId() == null) {
            return;
        }
        LocalDate date = fact.date();
        VersionedRuleSet rules = ruleSets.inForce(fact.districtId(), SchoolYear.of(date));
        TeacherGroups.Groups teacherGroups = groups.of(fact.teacherId());
        List<Document> ledger = null;
        for (RuleSet.Requirement requirement : rules.ruleSet().requirements()) {
            if (!teacherGroups.includes(requirement.group())) {
                continue;
            }
            Period period = Period.containing(requirement, date);
            String id = recordId(fact.teacherId(), requirement.id(), period.name());
            if (met.find(Filters.eq("_id", id)).first() != null) {
                continue;
            }
            if (ledger == null) {
                ledger = entries.find(Filters.eq("teacherId", fact.teacherId())).into(new java.util.ArrayList<>());
            }
            RequirementProgress progress = RequirementEvaluator.evaluate(rules.ruleSet(), requirement, period, ledger,
                    date);
            if (progress.status() != RequirementStatus.MET) {
                continue;
            }
            String entryId = ledger.stream()
                    .filter(e -> CreditLedger.AWARD.equals(Objects.requireNonNullElse(e.getString("kind"),
                            CreditLedger.AWARD)))
                    .filter(e -> e.getString("activityDate") != null
                            && period.contains(LocalDate.parse(e.getString("activityDate"))))
                    .filter(e -> requirement.category() == null || requirement.category().equals(e.getString("category")))
                    // the entry of the fact being decided crossed the line; else the latest (awards can share an instant)
                    .max(Comparator.comparing((Document e) -> fact.sourceKey().equals(e.getString("sourceKey")))
                            .thenComparing(e -> e.getDate("awardedAt"), Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(e -> e.getString("_id")).orElse("none");
            Instant now = clock.instant();
            String schoolId = fact.schoolId();
            RequirementMet event = new RequirementMet(id, fact.teacherId(), fact.districtId(), schoolId,
                    requirement.id(), requirement.nameZh(), period.type().name(), period.name(), period.start(),
                    period.lastDay(), rules.id(), rules.version(), progress.requiredHours(), progress.earnedHours(),
                    progress.requiredContentHours(), progress.requiredContentEarned(), requirement.category(),
                    entryId, now);
            Document doc = new Document("_id", id).append("teacherId", fact.teacherId())
                    .append("districtId", fact.districtId()).append("schoolId", schoolId)
                    .append("requirementId", requirement.id()).append("periodType", period.type().name())
                    .append("period", period.name()).append("ruleSetId", rules.id())
                    .append("ruleSetVersion", rules.version())
                    .append("requiredHours", progress.requiredHours().doubleValue())
                    .append("earnedHours", progress.earnedHours().doubleValue())
                    .append("requiredContentEarned", progress.requiredContentEarned().doubleValue())
                    .append("entryId", entryId).append("metAt", Date.from(now));
            if (writes.insertOnce(COLLECTION, outbox.attach(doc, event))) {
                outbox.publishSoon(COLLECTION, id);
            }
        }
    }

    static String recordId(String teacherId, String requirementId, String period) {
        return teacherId + "|" + requirementId + "|" + period;
    }
}
