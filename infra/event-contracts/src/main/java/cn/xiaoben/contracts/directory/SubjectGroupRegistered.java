package cn.xiaoben.contracts.directory;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/** A subject group (教研组) was set up in a school. */
public record SubjectGroupRegistered(String groupId, String districtId, String townshipId, String schoolId, String name,
                                     String subject, Instant registeredAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return schoolId;
    }

    @Override
    public String eventSubject() {
        return groupId;
    }
}
