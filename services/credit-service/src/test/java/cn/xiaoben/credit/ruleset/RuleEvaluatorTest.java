package cn.xiaoben.credit.ruleset;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The default rule set applied to one fact of each shape. */
class RuleEvaluatorTest {

    private final RuleSet defaults = new RuleSetParser().parse(RuleSets.resource(RuleSets.DEFAULT), true);

    private static CreditFact fact(Fact fact, String role, String level, String form, Set<String> kinds, String grade,
                                   Integer minutes, BigDecimal declared, boolean attended) {
        return new CreditFact(CreditFact.sourceKey(fact, "src-1", "t-1", role), "evt-1", "type", "src-1", fact, "t-1", role,
                "dst-1", "sch-1", LocalDate.of(2026, 11, 20), level, form, kinds, grade, minutes, declared, attended);
    }

    @Test
    void anObservedLessonPaysOneHourPerFortyFiveMinutesInHalfHourSteps() {
        RuleEvaluation e = RuleEvaluator.evaluate(defaults, fact(Fact.LESSON_OBSERVED, "OBSERVER", null, null, Set.of(),
                null, 40, null, true));
        assertThat(e.rule().id()).isEqualTo("observation.observer");
        assertThat(e.hours()).isEqualByComparingTo("1.0");
        assertThat(RuleEvaluator.evaluate(defaults, fact(Fact.LESSON_OBSERVED, "OBSERVER", null, null, Set.of(), null,
                90, null, true)).hours()).isEqualByComparingTo("2.0");
    }

    @Test
    void aSessionHostEarnsTwiceTheDurationAndTheFirstMatchingRuleDecides() {
        RuleEvaluation host = RuleEvaluator.evaluate(defaults, fact(Fact.ATTENDANCE_RECORDED, "HOST", "SCHOOL",
                "THEMED_RESEARCH", Set.of(), "PRESENT", 90, null, true));
        assertThat(host.rule().id()).isEqualTo("session.host");
        assertThat(host.hours()).isEqualByComparingTo("4.0");

        RuleEvaluation teaching = RuleEvaluator.evaluate(defaults, fact(Fact.ATTENDANCE_RECORDED, "TEACHING", "COUNTY",
                "OPEN_LESSON", Set.of(), "PRESENT", 45, null, true));
        assertThat(teaching.rule().id()).isEqualTo("open-lesson.teaching");
        assertThat(teaching.hours()).isEqualByComparingTo("4.0");
    }

    @Test
    void anAbsenceIsDeclinedAsNotAttended() {
        RuleEvaluation absent = RuleEvaluator.evaluate(defaults, fact(Fact.ATTENDANCE_RECORDED, "PARTICIPANT", "SCHOOL",
                "THEMED_RESEARCH", Set.of(), "ABSENT", 0, null, false));
        assertThat(absent.pays()).isFalse();
        assertThat(absent.declineReason()).isEqualTo("not-attended");
    }

    @Test
    void papersAndCompetitionsPayByLevelAndGrade() {
        assertThat(RuleEvaluator.evaluate(defaults, fact(Fact.PAPER_RECORDED, "MAIN_AUTHOR", "COUNTY", null, Set.of(),
                "FIRST", null, null, true)).hours()).isEqualByComparingTo("6.0");
        assertThat(RuleEvaluator.evaluate(defaults, fact(Fact.PAPER_RECORDED, "CO_AUTHOR", "COUNTY", null, Set.of(),
                "FIRST", null, null, true)).hours()).isEqualByComparingTo("3.0");
        assertThat(RuleEvaluator.evaluate(defaults, fact(Fact.COMPETITION_RESULT_RECORDED, "CONTESTANT", "TOWNSHIP",
                null, Set.of(), "SECOND", null, null, true)).hours()).isEqualByComparingTo("3.0");
    }

    @Test
    void aResearchProjectPaysOnlyWhenConcluded() {
        assertThat(RuleEvaluator.evaluate(defaults, fact(Fact.RESEARCH_PROJECT_ADVANCED, "LEADER", "COUNTY", null,
                Set.of("CONCLUDED"), "CONCLUDED", null, null, true)).hours()).isEqualByComparingTo("10.0");
        RuleEvaluation opened = RuleEvaluator.evaluate(defaults, fact(Fact.RESEARCH_PROJECT_ADVANCED, "LEADER", "COUNTY",
                null, Set.of("OPENED"), "OPENED", null, null, true));
        assertThat(opened.declineReason()).isEqualTo("no-rule");
    }

    @Test
    void declaredHoursAreTakenTimesTheFactorAndApprovalIsTheRulesToSay() {
        RuleEvaluation online = RuleEvaluator.evaluate(defaults, fact(Fact.ONLINE_STUDY_RECORDED, "LEARNER", null, null,
                Set.of(), null, null, new BigDecimal("7.5"), true));
        assertThat(online.hours()).isEqualByComparingTo("7.5");
        assertThat(online.rule().needsApproval()).isFalse();
        RuleEvaluation external = RuleEvaluator.evaluate(defaults, fact(Fact.EXTERNAL_TRAINING_CLAIMED, "CLAIMANT",
                "PROVINCE", null, Set.of("TRAINING"), null, null, new BigDecimal("16"), true));
        assertThat(external.rule().needsApproval()).isTrue();
    }

    @Test
    void aGradeTheTableDoesNotListPaysNothingWithItsReason() {
        RuleEvaluation e = RuleEvaluator.evaluate(defaults, fact(Fact.PAPER_RECORDED, "MAIN_AUTHOR", "COUNTY", null,
                Set.of(), null, null, null, true));
        assertThat(e.declineReason()).isEqualTo("no-grade");
    }
}
