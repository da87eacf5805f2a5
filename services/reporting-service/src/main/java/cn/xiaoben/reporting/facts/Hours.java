package cn.xiaoben.reporting.facts;

import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Credit hours (学时): kept exact as Decimal128, summed by the store, shown without trailing zeros (12.5, not 12.50). */
public final class Hours {

    private Hours() {
    }

    static BigDecimal of(Object stored) {
        if (stored == null) {
            return BigDecimal.ZERO;
        }
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return new BigDecimal(stored.toString());
    }

    public static BigDecimal plain(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code hours / count} to two decimals, or null when there is nobody to divide by. */
    public static BigDecimal perHead(BigDecimal hours, long count) {
        return count == 0 ? null : plain(hours.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
    }
}
