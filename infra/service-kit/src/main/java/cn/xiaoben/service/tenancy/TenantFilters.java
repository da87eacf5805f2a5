package cn.xiaoben.service.tenancy;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/**
 * The list-query side of tenancy: the filter that keeps a query to what the caller may see, for documents carrying
 * {@code districtId}, {@code townshipId} and {@code schoolId}.
 */
public final class TenantFilters {

    private TenantFilters() {
    }

    public static Bson reachableBy(Caller caller) {
        return switch (caller.scope()) {
            case SCHOOL -> Filters.and(Filters.eq("districtId", caller.districtId()),
                    Filters.eq("schoolId", caller.schoolId()));
            case TOWNSHIP -> Filters.and(Filters.eq("districtId", caller.districtId()),
                    Filters.eq("townshipId", caller.townshipId()));
            case DISTRICT -> Filters.eq("districtId", caller.districtId());
        };
    }
}
