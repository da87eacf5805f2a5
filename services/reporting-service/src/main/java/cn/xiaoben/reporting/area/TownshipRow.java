package cn.xiaoben.reporting.area;

/** One township's line in the district report. */
public record TownshipRow(String townshipId, String townshipName, AreaTotals totals) {
}
