package cn.xiaoben.activity.portfolio;

import cn.xiaoben.contracts.PlatformTime;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.Date;

/** Filters for a portfolio source's {@code [from, toExclusive)} range on the two ways dates are stored. */
public final class DateRange {

    private DateRange() {
    }

    /** For ISO date strings ({@code 2026-11-20}): they sort like the dates they name. */
    public static Bson onDateField(String field, LocalDate from, LocalDate toExclusive) {
        return Filters.and(Filters.gte(field, from.toString()), Filters.lt(field, toExclusive.toString()));
    }

    /** For instants stored as BSON dates, using China Standard Time days. */
    public static Bson onInstantField(String field, LocalDate from, LocalDate toExclusive) {
        return Filters.and(Filters.gte(field, Date.from(from.atStartOfDay(PlatformTime.ZONE).toInstant())),
                Filters.lt(field, Date.from(toExclusive.atStartOfDay(PlatformTime.ZONE).toInstant())));
    }
}
