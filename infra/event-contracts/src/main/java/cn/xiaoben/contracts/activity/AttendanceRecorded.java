package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One teacher's attendance (考勤) of one held PD session: the basis of credited hours. Keyed by the teacher, so one
 * teacher's facts stay ordered. {@code mark} is PRESENT, LATE, ABSENT or EXCUSED; {@code role} PARTICIPANT or HOST;
 * {@code source} CHECK_IN (measured by check-in/check-out codes) or UPLOAD (a school system's attendance file).
 * {@code attendedMinutes} is 0 for ABSENT and EXCUSED.
 */
public record AttendanceRecorded(String sessionId, String teacherId, String districtId, String townshipId,
                                 String schoolId, String form, String level, LocalDate date, String hostId,
                                 String role, String mark, int attendedMinutes, OffsetDateTime checkIn,
                                 OffsetDateTime checkOut, String source, Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
