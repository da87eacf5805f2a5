package cn.xiaoben.activity.online;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An online study record as the API shows it. */
public record OnlineStudyView(String id, String districtId, String townshipId, String schoolId, String teacherId,
                              String teacherName, String platform, String course, BigDecimal hours,
                              LocalDate completedOn, List<String> certificateAttachmentIds, Instant recordedAt) {

    static OnlineStudyView of(Document d) {
        return new OnlineStudyView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"),
                d.getString("platform"), d.getString("course"), d.get("hours", Decimal128.class).bigDecimalValue(),
                LocalDate.parse(d.getString("completedOn")), d.getList("certificateAttachmentIds", String.class),
                d.getDate("recordedAt").toInstant());
    }
}
