package cn.xiaoben.contracts;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** A school year (学年), 1 September to 31 August, named like {@code 2026-2027}. */
public record SchoolYear(int startYear) {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{4})");

    public static SchoolYear of(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    /** The school year of the instant's date in China Standard Time. */
    public static SchoolYear containing(java.time.OffsetDateTime time) {
        return of(PlatformTime.dateOf(time));
    }

    public static SchoolYear current(java.time.Clock clock) {
        return of(LocalDate.now(clock.withZone(PlatformTime.ZONE)));
    }

    /** Parses {@code 2026-2027}; empty for anything else (including {@code 2026-2028}). */
    public static java.util.Optional<SchoolYear> tryParse(String name) {
        var m = name == null ? null : NAME.matcher(name.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SchoolYear(Integer.parseInt(m.group(1))));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    /** The first day of the next school year. */
    public LocalDate endExclusive() {
        return LocalDate.of(startYear + 1, 9, 1);
    }

    public String name() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
