package cn.xiaoben.reporting.area;

import java.time.Instant;
import java.util.List;

/** The district's (county's) report for one school year: per township and per school, and the totals. */
public record DistrictReportView(String districtId, String schoolYear, AreaTotals totals,
                                 List<TownshipRow> townships, List<SchoolRow> schools, Instant updatedAt) {
}
