package cn.xiaoben.activity.submission;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reflection as the API shows it; lists leave {@code text} out (null): fetch one to read it. */
public record ReflectionView(String id, String districtId, String townshipId, String schoolId, String teacherId,
                             String teacherName, String kind, String title, String text, int wordCount,
                             LocalDate writtenOn, List<String> attachmentIds, Instant submittedAt) {

    static ReflectionView of(Document d, boolean withText) {
        return new ReflectionView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"), d.getString("kind"),
                d.getString("title"), withText ? d.getString("text") : null, d.getInteger("wordCount"),
                LocalDate.parse(d.getString("writtenOn")), d.getList("attachmentIds", String.class),
                d.getDate("submittedAt").toInstant());
    }
}
