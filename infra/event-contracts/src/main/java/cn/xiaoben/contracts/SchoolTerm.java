package cn.xiaoben.contracts;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A term (学期) of a school year, named like {@code 2026-2027-1}. The first term (上学期) runs 1 September to
 * 31 January, the second (下学期) 1 February to 31 August (the summer belongs to the second term, so every date is
 * in exactly one term).
 */
public record SchoolTerm(SchoolYear year, int number) {

    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{4})-([12])");

    public SchoolTerm {
        if (year == null || (number != 1 && number != 2)) {
            throw new IllegalArgumentException("a term is 1 or 2 of a school year");
        }
    }

    public static SchoolTerm of(LocalDate date) {
        SchoolYear year = SchoolYear.of(date);
        return new SchoolTerm(year, date.isBefore(LocalDate.of(year.startYear() + 1, 2, 1)) ? 1 : 2);
    }

    public static SchoolTerm current(java.time.Clock clock) {
        return of(LocalDate.now(clock.withZone(PlatformTime.ZONE)));
    }

    /** Parses {@code 2026-2027-1} or {@code 2026-2027-2}; empty for anything else. */
    public static Optional<SchoolTerm> tryParse(String name) {
        var m = name == null ? null : NAME.matcher(name.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return SchoolYear.tryParse(m.group(1)).map(y -> new SchoolTerm(y, Integer.parseInt(m.group(2))));
    }

    public LocalDate firstDay() {
        return number == 1 ? year.firstDay() : LocalDate.of(year.startYear() + 1, 2, 1);
    }

    /** The first day of the next term. */
    public LocalDate endExclusive() {
        return number == 1 ? LocalDate.of(year.startYear() + 1, 2, 1) : year.endExclusive();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && date.isBefore(endExclusive());
    }

    public String name() {
        return year.name() + "-" + number;
    }

    /** 2026-2027学年第一学期 */
    public String nameZh() {
        return year.name() + "学年第" + (number == 1 ? "一" : "二") + "学期";
    }

    @Override
    public String toString() {
        return name();
    }
}
