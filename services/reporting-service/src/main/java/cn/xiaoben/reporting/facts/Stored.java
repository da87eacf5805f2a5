package cn.xiaoben.reporting.facts;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** When facts were stored here: a report is as fresh as the newest fact in it. */
public final class Stored {

    static final String AT = "storedAt";

    private Stored() {
    }

    static Instant latest(Document group) {
        Date at = group == null ? null : group.getDate("lastStoredAt");
        return at == null ? null : at.toInstant();
    }

    /** The later of two times, either of which may be null. */
    public static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
