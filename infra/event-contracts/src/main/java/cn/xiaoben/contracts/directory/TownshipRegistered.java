package cn.xiaoben.contracts.directory;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/** A township education office (镇教育组) was added to a district. */
public record TownshipRegistered(String townshipId, String districtId, String name, Instant registeredAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return townshipId;
    }

    @Override
    public String eventSubject() {
        return townshipId;
    }
}
