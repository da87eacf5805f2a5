package cn.xiaoben.reporting.area;

import java.time.Instant;
import java.util.List;

/** A township's report for one school year: one row per school in the township, and their totals. */
public record TownshipReportView(String townshipId, String townshipName, String districtId, String schoolYear,
                                 AreaTotals totals, List<SchoolRow> schools, Instant updatedAt) {
}
