package cn.xiaoben.identity.directory.school;

import cn.xiaoben.service.tenancy.SchoolRef;

import java.time.Instant;

/** A school as stored (without its client's secret). */
public record SchoolRecord(String id, String districtId, String townshipId, String name, String stage,
                           String clientId, Instant registeredAt) {

    public SchoolRef ref() {
        return new SchoolRef(id, townshipId, districtId);
    }
}
