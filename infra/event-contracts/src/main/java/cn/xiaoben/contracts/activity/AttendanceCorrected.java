package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The host (or the school) corrected one teacher's recorded attendance of a held session, with a reason. A new
 * fact: the earlier {@link AttendanceRecorded} stays; consumers replace its effect by the new values. Keyed by the
 * teacher.
 */
public record AttendanceCorrected(String sessionId, String teacherId, String districtId, String townshipId,
                                  String schoolId, String form, String level, LocalDate date, String hostId,
                                  String role, String oldMark, int oldAttendedMinutes, String newMark,
                                  int newAttendedMinutes, String reason, String correctedBy,
                                  Instant correctedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
