package cn.xiaoben.reporting.teacher;

import cn.xiaoben.reporting.facts.TeacherCredits;
import cn.xiaoben.reporting.facts.TeacherObservations;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The teacher's most recent activity in the year: a lesson they observed or were observed in, or (when later) an
 * activity that earned credit — credit also comes from activities this service does not see yet. On the same day
 * the observation wins: it is the activity, the credit its consequence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatestActivity(String kind, LocalDate date, String id, String subject, String grade, String topic,
                             String category, BigDecimal hours, String sourceEventType) {

    static LatestActivity of(TeacherObservations.Latest observation, TeacherCredits.Latest credit) {
        if (observation != null && (credit == null || !credit.date().isAfter(observation.date()))) {
            return new LatestActivity("observer".equals(observation.role()) ? "lesson-observation-given"
                    : "lesson-observation-received", observation.date(), observation.observationId(),
                    observation.subject(), observation.grade(), observation.topic(), null, null, null);
        }
        if (credit != null) {
            return new LatestActivity("credit-awarded", credit.date(), credit.entryId(), null, null, null,
                    credit.category(), credit.hours(), credit.sourceEventType());
        }
        return null;
    }
}
