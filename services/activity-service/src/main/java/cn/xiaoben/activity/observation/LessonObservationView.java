package cn.xiaoben.activity.observation;

import org.bson.Document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A lesson observation as the API shows it. */
public record LessonObservationView(String id, String districtId, String townshipId, String schoolId,
                                    String observerId, String observerName, String teacherId, String teacherName,
                                    String subject, String grade, String topic, OffsetDateTime observedAt,
                                    int durationMinutes, Map<String, Integer> scores, String comment,
                                    Instant recordedAt, String sessionId) {

    static LessonObservationView of(Document d) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        d.get("scores", Document.class).forEach((k, v) -> scores.put(k, ((Number) v).intValue()));
        return new LessonObservationView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("observerId"), d.getString("observerName"),
                d.getString("teacherId"), d.getString("teacherName"), d.getString("subject"), d.getString("grade"),
                d.getString("topic"), OffsetDateTime.parse(d.getString("observedAt")),
                d.getInteger("durationMinutes"), scores, d.getString("comment"),
                d.getDate("recordedAt").toInstant(), d.getString("sessionId"));
    }
}
