package cn.xiaoben.activity.mentorship;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A mentoring pair as the API shows it, with its checkpoints (oldest first). */
public record MentorshipView(String id, String districtId, String townshipId, String schoolId, String mentorId,
                             String mentorName, String menteeId, String menteeName, String schoolYear,
                             List<String> goals, LocalDate startedOn, List<Checkpoint> checkpoints, long version,
                             Instant formedAt) {

    /** One checkpoint: its number (from 1), date, kind, note and attachments, recorded by whom and when. */
    public record Checkpoint(int number, LocalDate on, String kind, String note, List<String> attachmentIds,
                             String recordedBy, Instant recordedAt) {

        static Checkpoint of(Document d) {
            return new Checkpoint(d.getInteger("number"), LocalDate.parse(d.getString("on")), d.getString("kind"),
                    d.getString("note"), d.getList("attachmentIds", String.class), d.getString("recordedBy"),
                    d.getDate("recordedAt").toInstant());
        }
    }

    static MentorshipView of(Document d) {
        return new MentorshipView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("mentorId"), d.getString("mentorName"), d.getString("menteeId"),
                d.getString("menteeName"), d.getString("schoolYear"), d.getList("goals", String.class),
                LocalDate.parse(d.getString("startedOn")),
                d.getList("checkpoints", Document.class).stream().map(Checkpoint::of).toList(),
                ((Number) d.get("version")).longValue(), d.getDate("formedAt").toInstant());
    }
}
