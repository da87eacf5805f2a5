package cn.xiaoben.service.tenancy;

/** Where a school sits in the organisation tree. */
public record SchoolRef(String schoolId, String townshipId, String districtId) {
}
