package cn.xiaoben.identity.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** BSON dates ↔ instants (BSON keeps milliseconds). */
public final class Dates {

    private Dates() {
    }

    /** Now, to the millisecond: what is stored is exactly what the response and the event say. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
