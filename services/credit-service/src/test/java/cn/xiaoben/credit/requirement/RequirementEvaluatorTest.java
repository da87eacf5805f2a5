package cn.xiaoben.credit.requirement;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.ruleset.RuleSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statuses and projections of one requirement, for chosen days (the evaluation is pure). */
class RequirementEvaluatorTest {

    static final RuleSet RULES = new RuleSet("t", null, new BigDecimal("6"), List.of(
            new RuleSet.Category("session", "校本研修活动", true, null),
            new RuleSet.Category("research", "课题与论文", false, null),
            new RuleSet.Category("class-teacher", "班主任专项培训", false, null)), List.of(), List.of());
    static final RuleSet.Requirement YEARLY = new RuleSet.Requirement("yearly", "每学年24学时", RuleSet.Period.YEAR,
            new BigDecimal("24"), new BigDecimal("12"), RuleSet.TeacherGroup.ALL, null, null, null);
    static final Period YEAR = Period.of(YEARLY, new SchoolYear(2026)).get(0);

    static Document award(String id, String date, String category, double hours, Boolean required) {
        return new Document("_id", id).append("kind", "award").append("activityDate", date)
                .append("category", category).append("hours", hours).append("requiredContent", required);
    }

    static Document revocation(String id, String voids, String date, String category, double hours) {
        return new Document("_id", id).append("kind", "revocation").append("voids", voids)
                .append("activityDate", date).append("category", category).append("hours", hours);
    }

    @Test
    void metNeedsTheHoursAndTheRequiredContentAndCountsCreditsToOneDecimal() {
        List<Document> entries = List.of(award("a", "2026-10-01", "session", 11, true),
                award("b", "2026-10-02", "research", 14, false));
        RequirementProgress notYet = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, entries,
                LocalDate.parse("2026-11-22"));
        assertThat(notYet.earnedHours()).isEqualByComparingTo("25");
        assertThat(notYet.requiredContentEarned()).isEqualByComparingTo("11");
        assertThat(notYet.status()).isNotEqualTo(RequirementStatus.MET);

        List<Document> more = List.of(entries.get(0), entries.get(1), award("c", "2026-11-01", "session", 1, true));
        RequirementProgress met = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, more, LocalDate.parse("2026-11-22"));
        assertThat(met.status()).isEqualTo(RequirementStatus.MET);
        assertThat(met.credits()).isEqualByComparingTo("4.3"); // 26 / 6
    }

    @Test
    void aRevocationCountsNegativeAndAsRequiredContentWhenWhatItVoidsWas() {
        List<Document> entries = List.of(award("a", "2026-10-01", "session", 24, true),
                revocation("r", "a", "2026-10-01", "session", -24), award("b", "2026-10-01", "session", 2, true));
        RequirementProgress p = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, entries,
                LocalDate.parse("2027-09-01"));
        assertThat(p.earnedHours()).isEqualByComparingTo("2");
        assertThat(p.requiredContentEarned()).isEqualByComparingTo("2");
        assertThat(p.status()).isEqualTo(RequirementStatus.MISSED);
        assertThat(p.projectedHours()).isNull();
    }

    @Test
    void thePaceIsProjectedToThePeriodEnd() {
        // 2026-09-01 .. 2027-08-31: 365 days; on 2027-03-01, 182 days have elapsed (today included)
        List<Document> entries = List.of(award("a", "2026-10-01", "session", 10, true));
        RequirementProgress atRisk = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, entries,
                LocalDate.parse("2027-03-01"));
        assertThat(atRisk.elapsedDays()).isEqualTo(182);
        assertThat(atRisk.totalDays()).isEqualTo(365);
        assertThat(atRisk.projectedHours()).isEqualByComparingTo("20.1"); // 10 × 365 / 182
        assertThat(atRisk.status()).isEqualTo(RequirementStatus.AT_RISK);

        List<Document> pace = List.of(award("a", "2026-10-01", "session", 13, true));
        RequirementProgress onTrack = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, pace,
                LocalDate.parse("2027-03-01"));
        assertThat(onTrack.projectedHours()).isEqualByComparingTo("26.1");
        assertThat(onTrack.status()).isEqualTo(RequirementStatus.ON_TRACK);
    }

    @Test
    void theFirstTenthOfAPeriodIsOnTrackAndAFuturePeriodHasNotStarted() {
        RequirementProgress early = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, List.of(),
                LocalDate.parse("2026-09-20"));
        assertThat(early.status()).isEqualTo(RequirementStatus.ON_TRACK);
        RequirementProgress later = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, List.of(),
                LocalDate.parse("2026-10-20"));
        assertThat(later.status()).isEqualTo(RequirementStatus.AT_RISK);
        RequirementProgress ahead = RequirementEvaluator.evaluate(RULES, YEARLY, YEAR, List.of(),
                LocalDate.parse("2026-08-20"));
        assertThat(ahead.status()).isEqualTo(RequirementStatus.NOT_STARTED);
    }

    @Test
    void periodsOfTermsYearsAndCyclesAndACategoryRequirementCountsOnlyItsCategory() {
        RuleSet.Requirement termly = new RuleSet.Requirement("termly", null, RuleSet.Period.TERM, new BigDecimal("30"),
                null, RuleSet.TeacherGroup.ALL, null, null, null);
        assertThat(Period.of(termly, new SchoolYear(2026))).extracting(Period::name)
                .containsExactly("2026-2027-1", "2026-2027-2");
        RuleSet.Requirement classTeacher = new RuleSet.Requirement("class-teacher", null, RuleSet.Period.CYCLE,
                new BigDecimal("30"), null, RuleSet.TeacherGroup.CLASS_TEACHER, "class-teacher", 5, 2024);
        Period cycle = Period.of(classTeacher, new SchoolYear(2026)).get(0);
        assertThat(cycle.name()).isEqualTo("2024-2029");
        assertThat(cycle.start()).isEqualTo(LocalDate.parse("2024-09-01"));
        assertThat(cycle.lastDay()).isEqualTo(LocalDate.parse("2029-08-31"));
        assertThat(Period.containing(classTeacher, LocalDate.parse("2029-09-01")).name()).isEqualTo("2029-2034");

        List<Document> entries = List.of(award("a", "2025-03-01", "session", 40, true),
                award("b", "2026-10-01", "class-teacher", 12, false));
        RequirementProgress p = RequirementEvaluator.evaluate(RULES, classTeacher, cycle, entries,
                LocalDate.parse("2026-11-22"));
        assertThat(p.earnedHours()).isEqualByComparingTo("12");
        assertThat(p.category()).isEqualTo("class-teacher");
    }
}
