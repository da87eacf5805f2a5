package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A PD session was held and closed; its attendance is final (one {@link AttendanceRecorded} per teacher follows in
 * the same write). Keyed by the host teacher. The counts summarise the attendance of the participants (the host
 * is not counted among them). The form's people ({@code hostUnit}, {@code speakerId}, {@code speakerName},
 * {@code mainPreparerId}, {@code teachingTeacherIds}, {@code lessonKind}) are as in {@link ActivityScheduled}.
 */
public record ActivityHeld(String sessionId, String districtId, String townshipId, String schoolId,
                           String subjectGroupId, String form, String level, String topic, String hostId,
                           LocalDate date, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
                           int participants, int present, int late, int absent, int excused,
                           int totalAttendedMinutes, String attendanceSource, Instant heldAt, String hostUnit,
                           String speakerId, String speakerName, String mainPreparerId,
                           List<String> teachingTeacherIds, String lessonKind) implements DomainEvent {

    /** Without the form's people (generic sessions, producers before issue 3): those fields are null. */
    public ActivityHeld(String sessionId, String districtId, String townshipId, String schoolId,
                        String subjectGroupId, String form, String level, String topic, String hostId,
                        LocalDate date, OffsetDateTime plannedStart, OffsetDateTime plannedEnd,
                        int participants, int present, int late, int absent, int excused,
                        int totalAttendedMinutes, String attendanceSource, Instant heldAt) {
        this(sessionId, districtId, townshipId, schoolId, subjectGroupId, form, level, topic, hostId, date,
                plannedStart, plannedEnd, participants, present, late, absent, excused, totalAttendedMinutes,
                attendanceSource, heldAt, null, null, null, null, null, null);
    }

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
