package cn.xiaoben.reporting.directory;

/** A school as the directory replica knows it. */
public record SchoolEntry(String schoolId, String name, String townshipId, String districtId) {
}
