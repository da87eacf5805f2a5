package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A teacher observed a colleague's lesson (听课评课) and scored it. Keyed by the observer, whose credit it earns.
 * {@code scores} maps rubric dimensions (objectives, content, method, engagement, effect, basicSkills) to 0–100.
 */
public record LessonObserved(String observationId, String districtId, String townshipId, String schoolId,
                             String observerId, String teacherId, String subject, String grade, String topic,
                             OffsetDateTime observedAt, int durationMinutes, Map<String, Integer> scores,
                             String comment, Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return observerId;
    }

    @Override
    public String eventSubject() {
        return observationId;
    }
}
