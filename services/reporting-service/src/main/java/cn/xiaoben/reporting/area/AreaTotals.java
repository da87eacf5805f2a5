package cn.xiaoben.reporting.area;

import cn.xiaoben.reporting.facts.Hours;

import java.math.BigDecimal;
import java.util.List;

/** The sums of some school rows. */
public record AreaTotals(int schools, long teachers, long lessonObservations, BigDecimal creditHours,
                         long teachersWithCredit) {

    static AreaTotals of(List<SchoolRow> rows) {
        return new AreaTotals(rows.size(), rows.stream().mapToLong(SchoolRow::teachers).sum(),
                rows.stream().mapToLong(SchoolRow::lessonObservations).sum(),
                Hours.plain(rows.stream().map(SchoolRow::creditHours).reduce(BigDecimal.ZERO, BigDecimal::add)),
                rows.stream().mapToLong(SchoolRow::teachersWithCredit).sum());
    }
}
