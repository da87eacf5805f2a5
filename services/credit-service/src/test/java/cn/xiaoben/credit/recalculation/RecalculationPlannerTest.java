package cn.xiaoben.credit.recalculation;

import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSetParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecalculationPlannerTest {

    static final String NEW_RULES = """
            name: 新规则
            hoursPerCredit: 6
            categories:
              - {code: lesson-observation, nameZh: 听课评课, required: true, yearlyCap: 4}
              - {code: research, nameZh: 课题与论文}
              - {code: reading-reflection, nameZh: 读书与反思, yearlyCap: 6}
            rules:
              - {id: observation.observer, fact: LESSON_OBSERVED, role: OBSERVER, category: lesson-observation,
                 amount: {type: DURATION, hoursPerUnit: 1.5, unitMinutes: 45}}
              - {id: paper.main-author, fact: PAPER_RECORDED, role: MAIN_AUTHOR, category: research,
                 amount: {type: BY_GRADE, table: {COUNTY: {FIRST: 5}}}}
              - {id: reading-note.author, fact: READING_NOTE_SUBMITTED, role: AUTHOR, category: reading-reflection,
                 amount: {type: FIXED, hours: 0.5}}
            requirements: []
            """;

    private final RuleSet rules = new RuleSetParser().parse(NEW_RULES, true);

    private static CreditFact fact(String teacher, Fact fact, String role, String source, LocalDate date, String level,
                                   String grade, Integer minutes) {
        return new CreditFact(fact + "|" + source + "|" + teacher + "|" + role, "evt-" + source, "type", source, fact,
                teacher, role, "dst-1", "sch-1", date, level, null, Set.of(), grade, minutes, null, true);
    }

    private static StandingDecision award(CreditFact fact, String category, String hours) {
        return new StandingDecision(fact, "crd-" + fact.sourceId(), 1, category, "old-rule", new BigDecimal(hours), null);
    }

    private List<StandingDecision> ledger() {
        List<StandingDecision> standing = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            standing.add(award(fact("t-a", Fact.LESSON_OBSERVED, "OBSERVER", "obs-" + i, LocalDate.of(2026, 10, i),
                    null, null, 45), "lesson-observation", "1.0"));
        }
        standing.add(award(fact("t-b", Fact.PAPER_RECORDED, "MAIN_AUTHOR", "pap-1", LocalDate.of(2026, 10, 5),
                "COUNTY", "FIRST", null), "research", "6.0"));
        standing.add(award(fact("t-c", Fact.READING_NOTE_SUBMITTED, "AUTHOR", "rdn-1", LocalDate.of(2026, 10, 5),
                null, null, null), "reading-reflection", "0.5"));
        return standing;
    }

    @Test
    void eachTeachersGainOrLossIsComputedFromTheSourcesWithCapsFilledInDateOrder() {
        RecalculationPlan plan = RecalculationPlanner.plan(rules, ledger());

        assertThat(plan.teachers()).extracting(RecalculationPlan.TeacherDiff::teacherId).containsExactly("t-b", "t-a");
        RecalculationPlan.TeacherDiff a = plan.teachers().get(1);
        assertThat(a.currentHours()).isEqualByComparingTo("3.0");
        assertThat(a.newHours()).isEqualByComparingTo("4.0"); // 1.5 + 1.5 + 1.0 (the cap of 4)
        assertThat(a.delta()).isEqualByComparingTo("1.0");
        assertThat(plan.teachers().get(0).delta()).isEqualByComparingTo("-1.0");
        // obs-1 and obs-2 (1.0 → 1.5) and the paper change; obs-3 stays 1.0 (the cap), the reading note stays 0.5
        assertThat(plan.changes()).extracting(c -> c.current().fact().sourceId())
                .containsExactlyInAnyOrder("obs-1", "obs-2", "pap-1");
    }

    @Test
    void planningAgainstTheResultOfTheSameRulesChangesNothing() {
        List<StandingDecision> before = ledger();
        RecalculationPlan first = RecalculationPlanner.plan(rules, before);
        List<StandingDecision> after = new ArrayList<>();
        for (StandingDecision d : before) {
            PlannedChange change = first.changes().stream().filter(c -> c.current() == d).findFirst().orElse(null);
            after.add(change == null ? d : new StandingDecision(d.fact(), d.entryId() + "-2", 2, change.newCategory(),
                    change.newRuleId(), change.newHours(), change.newReason()));
        }

        assertThat(RecalculationPlanner.plan(rules, after).changesNothing()).isTrue();
    }

    @Test
    void aSourceTheNewRulesNoLongerPayBecomesADeclineWithItsReason() {
        StandingDecision competition = award(fact("t-d", Fact.COMPETITION_RESULT_RECORDED, "CONTESTANT", "cmp-1",
                LocalDate.of(2026, 10, 9), "COUNTY", "FIRST", null), "competition", "6.0");

        RecalculationPlan plan = RecalculationPlanner.plan(rules, List.of(competition));

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.newReason()).isEqualTo("no-rule");
            assertThat(c.delta()).isEqualByComparingTo("-6.0");
        });
    }
}
