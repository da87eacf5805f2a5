package cn.xiaoben.credit.requirement;

import cn.xiaoben.contracts.SchoolTerm;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.ruleset.RuleSet;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The period a requirement is measured over: a term ({@code 2026-2027-1}), a school year ({@code 2026-2027}) or a
 * cycle of school years ({@code 2024-2029}: 1 September 2024 to 31 August 2029), {@code start} inclusive,
 * {@code endExclusive} the first day after it.
 */
public record Period(RuleSet.Period type, String name, LocalDate start, LocalDate endExclusive) {

    /** The periods of a requirement in a school year: both terms for TERM, the year, or the cycle containing it. */
    public static List<Period> of(RuleSet.Requirement requirement, SchoolYear year) {
        return switch (requirement.period()) {
            case TERM -> List.of(term(new SchoolTerm(year, 1)), term(new SchoolTerm(year, 2)));
            case YEAR -> List.of(year(year));
            case CYCLE -> List.of(cycle(requirement, year));
        };
    }

    /** The one period of a requirement containing a date. */
    public static Period containing(RuleSet.Requirement requirement, LocalDate date) {
        return switch (requirement.period()) {
            case TERM -> term(SchoolTerm.of(date));
            case YEAR -> year(SchoolYear.of(date));
            case CYCLE -> cycle(requirement, SchoolYear.of(date));
        };
    }

    static Period term(SchoolTerm term) {
        return new Period(RuleSet.Period.TERM, term.name(), term.firstDay(), term.endExclusive());
    }

    static Period year(SchoolYear year) {
        return new Period(RuleSet.Period.YEAR, year.name(), year.firstDay(), year.endExclusive());
    }

    static Period cycle(RuleSet.Requirement requirement, SchoolYear year) {
        int length = requirement.cycleYears() == null || requirement.cycleYears() < 1 ? 1 : requirement.cycleYears();
        int origin = requirement.cycleStartYear() == null ? year.startYear() : requirement.cycleStartYear();
        int first = origin + Math.floorDiv(year.startYear() - origin, length) * length;
        return new Period(RuleSet.Period.CYCLE, first + "-" + (first + length), new SchoolYear(first).firstDay(),
                new SchoolYear(first + length - 1).endExclusive());
    }

    public LocalDate lastDay() {
        return endExclusive.minusDays(1);
    }

    public long totalDays() {
        return ChronoUnit.DAYS.between(start, endExclusive);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(endExclusive);
    }
}
