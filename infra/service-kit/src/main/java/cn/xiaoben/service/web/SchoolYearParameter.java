package cn.xiaoben.service.web;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.problem.ApiProblem;

import java.time.Clock;

/** The {@code year} request parameter: a school year such as {@code 2026-2027}; anything else is a 400. */
public final class SchoolYearParameter {

    private SchoolYearParameter() {
    }

    public static SchoolYear parse(String text) {
        return SchoolYear.tryParse(text).orElseThrow(() -> ApiProblem.invalidField("year", "invalid-school-year",
                "year must be a school year such as 2026-2027 (1 September to 31 August).",
                "year 须为学年，如 2026-2027（9月1日至次年8月31日）。"));
    }

    /** The parameter's school year, or none when it is absent. */
    public static SchoolYear parseOptional(String text) {
        return text == null ? null : parse(text);
    }

    /** The parameter's school year, or the current one when it is absent. */
    public static SchoolYear parseOrCurrent(String text, Clock clock) {
        return text == null ? SchoolYear.current(clock) : parse(text);
    }
}
