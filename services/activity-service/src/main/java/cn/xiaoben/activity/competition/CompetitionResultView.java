package cn.xiaoben.activity.competition;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A competition result as the API shows it. */
public record CompetitionResultView(String id, String districtId, String townshipId, String schoolId,
                                    String teacherId, String teacherName, String competition, String kind,
                                    String level, String result, LocalDate heldOn, List<String> attachmentIds,
                                    Instant recordedAt) {

    static CompetitionResultView of(Document d) {
        return new CompetitionResultView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"),
                d.getString("competition"), d.getString("kind"), d.getString("level"), d.getString("result"),
                LocalDate.parse(d.getString("heldOn")), d.getList("attachmentIds", String.class),
                d.getDate("recordedAt").toInstant());
    }
}
