package cn.xiaoben.credit.claim;

import cn.xiaoben.credit.ledger.CreditLedger;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A credit claim with its approval steps. {@code level} is where it waits (null once decided). Each step says when
 * the claim arrived at the level, when and by whom it was decided, and {@code waitedMinutes}: how long it waited
 * there (for the step still pending, how long it has waited so far).
 */
public record CreditClaimView(String id, String teacherId, String teacherName, String districtId, String townshipId,
                              String schoolId, String kind, String title, String organizer, BigDecimal hours,
                              String date, String schoolYear, List<String> evidenceAttachmentIds, String origin,
                              String sourceEventType, String sourceId, List<String> chain, String status,
                              String level, List<Step> steps, String submittedBy, Instant submittedAt,
                              Instant decidedAt, long version) {

    public record Step(String level, Instant arrivedAt, Instant decidedAt, String decidedBy, String decision,
                       String note, Long waitedMinutes) {
    }

    static CreditClaimView of(Document d, Instant now) {
        List<Step> steps = d.getList("steps", Document.class).stream().map(s -> {
            Instant arrived = instant(s.getDate("arrivedAt"));
            Instant decided = instant(s.getDate("decidedAt"));
            Long waited = s.get("waitedMinutes") != null ? ((Number) s.get("waitedMinutes")).longValue()
                    : Duration.between(arrived, now).toMinutes();
            return new Step(s.getString("level"), arrived, decided, s.getString("decidedBy"), s.getString("decision"),
                    s.getString("note"), waited);
        }).toList();
        return new CreditClaimView(d.getString("_id"), d.getString("teacherId"), d.getString("teacherName"),
                d.getString("districtId"), d.getString("townshipId"), d.getString("schoolId"), d.getString("kind"),
                d.getString("title"), d.getString("organizer"), CreditLedger.hours(d.get("hours")),
                d.getString("date"), d.getString("schoolYear"), d.getList("evidenceAttachmentIds", String.class),
                d.getString("origin"), d.getString("sourceEventType"), d.getString("sourceId"),
                d.getList("chain", String.class), d.getString("status"), d.getString("level"), steps,
                d.getString("submittedBy"), instant(d.getDate("submittedAt")), instant(d.getDate("decidedAt")),
                ((Number) d.get("version")).longValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
