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
                          String attendanceSource, String hostUnit, String speakerId, String speakerName,
                          String mainPreparerId, List<String> teachingTeacherIds, String lessonKind,
                          SessionRequests.LessonContent lessonContent, SessionRequests.Book book,
                          List<String> participantSchoolIds, List<PlanRevision> lessonPlan,
                          String postLessonReflectionId, List<MinutesVersion> minutes) {

    public record Participant(String teacherId, String name, String schoolId) {
    }

    /** One revision of a collective preparation's lesson plan (1 = 初稿, then 修改稿 …). */
    public record PlanRevision(int revision, String attachmentId, String note, String revisedBy, Instant revisedAt) {

        static PlanRevision of(Document r) {
            return new PlanRevision(r.getInteger("revision"), r.getString("attachmentId"), r.getString("note"),
                    r.getString("revisedBy"), instant(r.getDate("revisedAt")));
        }
    }

    /** One version of the session's minutes (纪要); every version is kept, the last one is current. */
    public record MinutesVersion(int version, String text, int wordCount, List<String> attachmentIds,
                                 String recordedBy, Instant recordedAt) {

        static MinutesVersion of(Document m) {
            return new MinutesVersion(m.getInteger("version"), m.getString("text"), m.getInteger("wordCount", 0),
                    m.getList("attachmentIds", String.class, List.of()), m.getString("recordedBy"),
                    instant(m.getDate("recordedAt")));
        }
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
        SessionDetails details = SessionDetails.of(d);
        Document reflection = d.get("postLessonReflection", Document.class);
        return new SessionView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("subjectGroupId"), d.getString("form"), d.getString("level"),
                d.getString("topic"), d.getString("place"), d.getString("hostId"), d.getString("hostName"),
                d.getString("plannedStart"), d.getString("plannedEnd"), d.getString("date"), d.getString("status"),
                d.getInteger("version", 0),
                Sessions.participantDocs(d).stream().map(p -> new Participant(p.getString("teacherId"),
                        p.getString("name"), p.getString("schoolId"))).toList(),
                Sessions.attendance(d).stream().map(Attendance::of).toList(),
                instant(d.getDate("openedAt")), instant(d.getDate("closedAt")), instant(d.getDate("cancelledAt")),
                d.getString("cancelReason"), d.getString("slotId"), d.getString("attendanceSource"),
                details.hostUnit().name(), details.speakerId(), details.speakerName(), details.mainPreparerId(),
                details.teachingTeacherIds(), details.lessonKindName(), details.lessonContent(), details.book(),
                d.getList("participantSchoolIds", String.class, List.of(d.getString("schoolId"))),
                d.getList("lessonPlan", Document.class, List.of()).stream().map(PlanRevision::of).toList(),
                reflection == null ? null : reflection.getString("reflectionId"),
                d.getList("minutes", Document.class, List.of()).stream().map(MinutesVersion::of).toList());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
