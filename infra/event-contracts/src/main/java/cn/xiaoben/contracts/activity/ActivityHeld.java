package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A PD session was held and closed; its attendance is final (one {@link AttendanceRecorded} per teacher follows in
 * the same write). Keyed by the host teacher. The counts summarise the attendance of the participants (the host
 * is not counted among them).
 */
public record ActivityHeld(String sessionId, String districtId, String townshipId, String schoolId,
                           String subjectGroupId, String form, String level, String topic, String hostId,
                           LocalDate date, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
                           int participants, int present, int late, int absent, int excused,
                           int totalAttendedMinutes, String attendanceSource, Instant heldAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
