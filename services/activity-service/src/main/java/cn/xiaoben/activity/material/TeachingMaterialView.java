package cn.xiaoben.activity.material;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A teaching material as the API shows it. */
public record TeachingMaterialView(String id, String districtId, String townshipId, String schoolId,
                                   String teacherId, String teacherName, String kind, String title, String subject,
                                   String grade, LocalDate submittedOn, List<String> attachmentIds,
                                   Instant recordedAt) {

    static TeachingMaterialView of(Document d) {
        return new TeachingMaterialView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"), d.getString("kind"),
                d.getString("title"), d.getString("subject"), d.getString("grade"),
                LocalDate.parse(d.getString("submittedOn")), d.getList("attachmentIds", String.class),
                d.getDate("recordedAt").toInstant());
    }
}
