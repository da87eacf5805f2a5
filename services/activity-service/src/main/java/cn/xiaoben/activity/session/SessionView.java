package cn.xiaoben.activity.session;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A session as the API shows it (codes are never shown here). */
public record SessionView(String id, String districtId, String townshipId, String schoolId, String subjectGroupId,
                          String form, String level, String topic, String place, String hostId, String hostName,
                          String plannedStart, String plannedEnd, String date, String status, int version,
                          List<Participant> participants, List<Attendance> attendance, Instant openedAt,
                          Instant closedAt, Instant cancelledAt, String cancelReason, String slotId,
                          String attendanceSource) {

    public record Participant(String teacherId, String name, String schoolId) {
    }

    /** One teacher's current attendance record; {@code history} holds the records it superseded, oldest first. */
    public record Attendance(String teacherId, String name, String role, String mark, Integer attendedMinutes,
                             String checkIn, String checkOut, String source, String reason, String recordedBy,
                             Instant recordedAt, Boolean missingCheckOut, List<Attendance> history) {

        static Attendance of(Document r) {
            return new Attendance(r.getString("teacherId"), r.getString("name"), r.getString("role"),
                    r.getString("mark"), r.getInteger("attendedMinutes"), r.getString("checkIn"),
                    r.getString("checkOut"), r.getString("source"), r.getString("reason"), r.getString("recordedBy"),
                    instant(r.getDate("recordedAt")), r.getBoolean("missingCheckOut"),
                    r.getList("history", Document.class, List.of()).stream().map(Attendance::of).toList());
        }
    }

    static SessionView of(Document d) {
        return new SessionView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("subjectGroupId"), d.getString("form"), d.getString("level"),
                d.getString("topic"), d.getString("place"), d.getString("hostId"), d.getString("hostName"),
                d.getString("plannedStart"), d.getString("plannedEnd"), d.getString("date"), d.getString("status"),
                d.getInteger("version", 0),
                Sessions.participantDocs(d).stream().map(p -> new Participant(p.getString("teacherId"),
                        p.getString("name"), p.getString("schoolId"))).toList(),
                Sessions.attendance(d).stream().map(Attendance::of).toList(),
                instant(d.getDate("openedAt")), instant(d.getDate("closedAt")), instant(d.getDate("cancelledAt")),
                d.getString("cancelReason"), d.getString("slotId"), d.getString("attendanceSource"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
