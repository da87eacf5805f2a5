package cn.xiaoben.reporting.schoolyear;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.service.problem.ApiProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year (学年) such as {@code 2026-2027}: 1 September to 31 August, dates taken in China Standard Time.
 */
public record SchoolYear(int startYear) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final int FIRST_MONTH = 9;

    public static SchoolYear of(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= FIRST_MONTH ? date.getYear() : date.getYear() - 1);
    }

    public static SchoolYear containing(OffsetDateTime time) {
        return of(PlatformTime.dateOf(time));
    }

    public static SchoolYear current(Clock clock) {
        return of(LocalDate.now(clock.withZone(PlatformTime.ZONE)));
    }

    /** Parses a {@code year} request parameter; a malformed one is a 400 naming the field. */
    public static SchoolYear parse(String text) {
        return tryParse(text).orElseThrow(() -> ApiProblem.invalidField("year", "invalid-school-year",
                "year must be a school year such as 2026-2027 (1 September to 31 August).",
                "year 须为学年，如 2026-2027（9月1日至次年8月31日）。"));
    }

    /** The school year {@code text} names ({@code YYYY-YYYY}, consecutive years), if it is one. */
    public static Optional<SchoolYear> tryParse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            return Optional.empty();
        }
        return Optional.of(new SchoolYear(Integer.parseInt(m.group(1))));
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
