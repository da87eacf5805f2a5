package cn.xiaoben.activity.external;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An external training claim as the API shows it; {@code approval} is CLAIMED (approval belongs to the credit
 * service).
 */
public record ExternalTrainingView(String id, String districtId, String townshipId, String schoolId,
                                   String teacherId, String teacherName, String kind, String title, String organizer,
                                   String level, String place, LocalDate startDate, LocalDate endDate,
                                   BigDecimal hours, List<String> certificateAttachmentIds, String approval,
                                   Instant claimedAt) {

    static ExternalTrainingView of(Document d) {
        return new ExternalTrainingView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"), d.getString("kind"),
                d.getString("title"), d.getString("organizer"), d.getString("level"), d.getString("place"),
                LocalDate.parse(d.getString("startDate")), LocalDate.parse(d.getString("endDate")),
                d.get("hours", Decimal128.class).bigDecimalValue(), d.getList("certificateAttachmentIds", String.class),
                d.getString("approval"), d.getDate("claimedAt").toInstant());
    }
}
