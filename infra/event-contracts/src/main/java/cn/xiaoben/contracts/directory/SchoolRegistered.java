package cn.xiaoben.contracts.directory;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/** A school joined the platform under a township. {@code stage}: 小学, 初中, 高中 or 九年一贯制. */
public record SchoolRegistered(String schoolId, String districtId, String townshipId, String name, String stage,
                               Instant registeredAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return schoolId;
    }

    @Override
    public String eventSubject() {
        return schoolId;
    }
}
