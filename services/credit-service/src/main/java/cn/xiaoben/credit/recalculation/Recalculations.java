package cn.xiaoben.credit.recalculation;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.award.CreditAwarder;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.directory.TeacherRef;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;

/**
 * Recalculation of a school year under a changed rule set: {@link #preview} plans a version (usually the draft about
 * to be published) against the standing decisions and shows the per-teacher difference; {@link #apply} writes exactly
 * that plan for the version in force — a revocation {@code rules-changed} of each changed standing award and the
 * next revision as planned — through {@link CreditAwarder#rewrite}, which never re-evaluates. A plan of the rules in
 * force after it was applied changes nothing, so applying again (or after a crash, to finish) is safe.
 */
@Service
public class Recalculations {

    private final RuleSets ruleSets;
    private final StandingDecisions standing;
    private final CreditAwarder awarder;
    private final DirectoryReplica directory;

    public Recalculations(RuleSets ruleSets, StandingDecisions standing, CreditAwarder awarder,
                          DirectoryReplica directory) {
        this.ruleSets = ruleSets;
        this.standing = standing;
        this.awarder = awarder;
        this.directory = directory;
    }

    public record TeacherView(String teacherId, String name, BigDecimal currentHours, BigDecimal newHours,
                              BigDecimal delta, int changedSources) {
    }

    public record Preview(String ruleSetId, int version, String schoolYear, List<TeacherView> teachers, int gainers,
                          int losers, BigDecimal netDelta, int changes, int sourcesWithoutInputs) {
    }

    public record Applied(String ruleSetId, int version, String schoolYear, int changes, int alreadyApplied,
                          int skippedAsStale, int gainers, int losers, BigDecimal netDelta,
                          int sourcesWithoutInputs) {
    }

    public Preview preview(Caller caller, SchoolYear year, int version) {
        VersionedRuleSet rules = ruleSets.find(caller, year, version);
        StandingDecisions.Standing now = standing.of(rules.districtId(), year);
        RecalculationPlan plan = RecalculationPlanner.plan(rules.ruleSet(), now.decisions());
        List<TeacherView> teachers = plan.teachers().stream()
                .map(t -> new TeacherView(t.teacherId(), directory.teacher(t.teacherId()).map(TeacherRef::name)
                        .orElse(null), t.currentHours(), t.newHours(), t.delta(), t.changedSources()))
                .toList();
        return new Preview(rules.id(), rules.version(), year.name(), teachers,
                (int) teachers.stream().filter(t -> t.delta().signum() > 0).count(),
                (int) teachers.stream().filter(t -> t.delta().signum() < 0).count(),
                teachers.stream().map(TeacherView::delta).reduce(BigDecimal.ZERO, BigDecimal::add),
                plan.changes().size(), now.sourcesWithoutInputs());
    }

    /** Plans and applies the version in force again (e.g. to finish an interrupted recalculation). */
    public Applied recalculate(Caller caller, SchoolYear year, int version) {
        VersionedRuleSet requested = ruleSets.find(caller, year, version);
        VersionedRuleSet inForce = ruleSets.inForce(requested.districtId(), year);
        if (!inForce.id().equals(requested.id())) {
            throw ApiProblem.conflict("not-in-force", "Version " + version + " is not the rule set in force.",
                    "第 " + version + " 版不是现行规则，不能据此重算。");
        }
        return apply(inForce);
    }

    /** Applies the plan of a rule set (the one in force) to its district's school year. */
    public Applied apply(VersionedRuleSet rules) {
        SchoolYear year = SchoolYear.tryParse(rules.schoolYear()).orElseThrow();
        StandingDecisions.Standing now = standing.of(rules.districtId(), year);
        RecalculationPlan plan = RecalculationPlanner.plan(rules.ruleSet(), now.decisions());
        int applied = 0, already = 0, stale = 0;
        for (PlannedChange c : plan.changes()) {
            CreditAwarder.Rewrite result = awarder.rewrite(c.current().fact(), c.current().revision(), rules,
                    c.newHours(), c.newRequestedHours(), c.newCategory(), c.newRuleId(), c.newReason());
            switch (result) {
                case APPLIED -> applied++;
                case ALREADY_APPLIED -> already++;
                case STALE -> stale++;
            }
        }
        return new Applied(rules.id(), rules.version(), rules.schoolYear(), applied, already, stale,
                (int) plan.teachers().stream().filter(t -> t.delta().signum() > 0).count(),
                (int) plan.teachers().stream().filter(t -> t.delta().signum() < 0).count(),
                plan.teachers().stream().map(RecalculationPlan.TeacherDiff::delta)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                now.sourcesWithoutInputs());
    }
}
