package cn.xiaoben.service.tenancy;

import org.bson.Document;

/** Where a school sits in the organisation tree. */
public record SchoolRef(String schoolId, String townshipId, String districtId) {

    /** The school a stored document belongs to (its {@code schoolId}, {@code townshipId}, {@code districtId}). */
    public static SchoolRef of(Document document) {
        return new SchoolRef(document.getString("schoolId"), document.getString("townshipId"),
                document.getString("districtId"));
    }
}
