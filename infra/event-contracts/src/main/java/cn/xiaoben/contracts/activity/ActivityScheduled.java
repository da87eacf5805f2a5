package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A PD session (研修活动: 主题教研, 集体备课 …) was planned for a time and a set of participants. Keyed by the host
 * teacher. {@code slotId} names the school's weekly PD slot it was planned from, if any.
 */
public record ActivityScheduled(String sessionId, String districtId, String townshipId, String schoolId,
                                String subjectGroupId, String form, String level, String topic, String hostId,
                                OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String place,
                                List<String> participantIds, String slotId, Instant scheduledAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
