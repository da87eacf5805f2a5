package cn.xiaoben.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;

/** One school's figures in an area report: lesson observations and credit hours in a school year. */
public record SchoolActivity(long lessonObservations, BigDecimal creditHours, long teachersWithCredit,
                             Instant lastStoredAt) {

    public static final SchoolActivity NONE = new SchoolActivity(0, BigDecimal.ZERO, 0, null);

    public SchoolActivity plus(SchoolActivity other) {
        return new SchoolActivity(lessonObservations + other.lessonObservations, creditHours.add(other.creditHours),
                teachersWithCredit + other.teachersWithCredit, Stored.later(lastStoredAt, other.lastStoredAt));
    }
}
