package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One teacher's attendance (考勤) of one held PD session: the basis of credited hours. Keyed by the teacher, so one
 * teacher's facts stay ordered. {@code mark} is PRESENT, LATE, ABSENT or EXCUSED; {@code role} PARTICIPANT or HOST;
 * {@code source} CHECK_IN (measured by check-in/check-out codes) or UPLOAD (a school system's attendance file).
 * {@code attendedMinutes} is 0 for ABSENT and EXCUSED. {@code districtId}, {@code townshipId}, {@code schoolId} are
 * the teacher's own (a township or county session takes teachers of several schools). {@code contribution} says what
 * the teacher did beyond attending, so credit rules can pay it differently: SPEAKER (中心发言人 / lecturer),
 * TEACHING (taught the open lesson or one of the 同课异构 lessons), MAIN_PREPARER (主备人); null for none.
 */
public record AttendanceRecorded(String sessionId, String teacherId, String districtId, String townshipId,
                                 String schoolId, String form, String level, LocalDate date, String hostId,
                                 String role, String mark, int attendedMinutes, OffsetDateTime checkIn,
                                 OffsetDateTime checkOut, String source, Instant recordedAt,
                                 String contribution) implements DomainEvent {

    /** Without a contribution (a plain participant or host, producers before issue 3). */
    public AttendanceRecorded(String sessionId, String teacherId, String districtId, String townshipId,
                              String schoolId, String form, String level, LocalDate date, String hostId,
                              String role, String mark, int attendedMinutes, OffsetDateTime checkIn,
                              OffsetDateTime checkOut, String source, Instant recordedAt) {
        this(sessionId, teacherId, districtId, townshipId, schoolId, form, level, date, hostId, role, mark,
                attendedMinutes, checkIn, checkOut, source, recordedAt, null);
    }

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
