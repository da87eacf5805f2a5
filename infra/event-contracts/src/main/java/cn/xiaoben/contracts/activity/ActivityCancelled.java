package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A planned PD session was cancelled before it was held. Keyed by the host teacher. */
public record ActivityCancelled(String sessionId, String districtId, String townshipId, String schoolId,
                                String form, String level, String hostId, OffsetDateTime plannedStart,
                                String reason, Instant cancelledAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
