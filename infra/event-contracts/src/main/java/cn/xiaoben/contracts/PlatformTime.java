package cn.xiaoben.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The platform's civil time: China Standard Time. Dates (school year, term) are taken in this zone. */
public final class PlatformTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformTime() {
    }

    /** The same instant, shown with the platform's offset (+08:00). */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static LocalDate dateOf(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }
}
