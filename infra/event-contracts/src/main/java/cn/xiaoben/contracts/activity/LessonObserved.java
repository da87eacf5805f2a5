package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A teacher observed a colleague's lesson (听课评课) and scored it. Keyed by the observer, whose credit it earns.
 * {@code scores} maps rubric dimensions (objectives, content, method, engagement, effect, basicSkills) to 0–100.
 * {@code sessionId} (nullable) links the observation to the 同课异构 or open-lesson session whose lesson it observed.
 */
public record LessonObserved(String observationId, String districtId, String townshipId, String schoolId,
                             String observerId, String teacherId, String subject, String grade, String topic,
                             OffsetDateTime observedAt, int durationMinutes, Map<String, Integer> scores,
                             String comment, Instant recordedAt, String sessionId) implements DomainEvent {

    /** An observation not linked to a session. */
    public LessonObserved(String observationId, String districtId, String townshipId, String schoolId,
                          String observerId, String teacherId, String subject, String grade, String topic,
                          OffsetDateTime observedAt, int durationMinutes, Map<String, Integer> scores,
                          String comment, Instant recordedAt) {
        this(observationId, districtId, townshipId, schoolId, observerId, teacherId, subject, grade, topic,
                observedAt, durationMinutes, scores, comment, recordedAt, null);
    }

    @Override
    public String partitionKey() {
        return observerId;
    }

    @Override
    public String eventSubject() {
        return observationId;
    }
}
