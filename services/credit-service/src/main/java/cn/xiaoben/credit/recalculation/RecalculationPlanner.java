package cn.xiaoben.credit.recalculation;

import cn.xiaoben.credit.ruleset.RuleEvaluation;
import cn.xiaoben.credit.ruleset.RuleEvaluator;
import cn.xiaoben.credit.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-decides a school year's standing decisions under another rule set, the way the awarder would have decided them
 * had those rules been in force: each teacher's sources in date order, the yearly caps filled as they go. Pure: it
 * reads nothing and writes nothing. Sources that need approval keep their current result (their approval is a fact
 * of its own).
 */
public final class RecalculationPlanner {

    private RecalculationPlanner() {
    }

    public static RecalculationPlan plan(RuleSet rules, List<StandingDecision> standing) {
        List<StandingDecision> ordered = new ArrayList<>(standing);
        ordered.sort(Comparator.comparing((StandingDecision d) -> d.fact().teacherId())
                .thenComparing(d -> d.fact().date()).thenComparing(d -> d.fact().sourceKey()));
        Map<String, BigDecimal> filled = new HashMap<>();
        Map<String, BigDecimal[]> perTeacher = new LinkedHashMap<>();
        Map<String, Integer> changedPerTeacher = new HashMap<>();
        List<PlannedChange> changes = new ArrayList<>();
        for (StandingDecision d : ordered) {
            String teacher = d.fact().teacherId();
            BigDecimal oldHours = d.isAward() ? d.hours() : BigDecimal.ZERO;
            RuleEvaluation e = RuleEvaluator.evaluate(rules, d.fact());
            BigDecimal newHours = BigDecimal.ZERO;
            BigDecimal requested = e.hours();
            String category = e.rule() == null ? null : e.rule().category();
            String reason = e.declineReason();
            if (e.pays() && e.rule().needsApproval()) {
                // approval decides, not the amount: keep what stands
                newHours = oldHours;
                category = d.category();
                reason = d.reason();
            } else if (e.pays()) {
                BigDecimal cap = rules.category(category).map(RuleSet.Category::yearlyCap).orElse(null);
                String key = teacher + "|" + category;
                BigDecimal already = filled.getOrDefault(key, BigDecimal.ZERO);
                newHours = cap == null ? requested
                        : requested.min(cap.subtract(already).max(BigDecimal.ZERO)).setScale(1, RoundingMode.HALF_UP);
                if (newHours.signum() == 0) {
                    reason = requested.signum() == 0 ? "no-hours" : "cap-reached";
                } else {
                    filled.put(key, already.add(newHours));
                }
            }
            BigDecimal[] totals = perTeacher.computeIfAbsent(teacher, t -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            totals[0] = totals[0].add(oldHours);
            totals[1] = totals[1].add(newHours);
            // only what changes amounts or categories is rewritten (a renamed rule alone is not)
            boolean same = oldHours.compareTo(newHours) == 0 && Objects.equals(d.category(), category)
                    && Objects.equals(d.reason(), reason);
            if (!same) {
                changes.add(new PlannedChange(d, oldHours, d.category(), newHours, requested, category,
                        e.rule() == null ? null : e.rule().id(), reason));
                changedPerTeacher.merge(teacher, 1, Integer::sum);
            }
        }
        List<RecalculationPlan.TeacherDiff> teachers = perTeacher.entrySet().stream()
                .map(t -> new RecalculationPlan.TeacherDiff(t.getKey(), t.getValue()[0], t.getValue()[1],
                        changedPerTeacher.getOrDefault(t.getKey(), 0)))
                .filter(t -> t.changedSources() > 0)
                .sorted(Comparator.comparing(RecalculationPlan.TeacherDiff::delta))
                .toList();
        return new RecalculationPlan(teachers, changes);
    }
}
