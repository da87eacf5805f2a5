package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A checkpoint of a mentoring pair was recorded (a lesson of the mentee observed, a lesson guided, a plan reviewed,
 * a term review …). Keyed by the mentee. {@code number} counts the pairing's checkpoints from 1; {@code kind} is
 * {@code LESSON_OBSERVED}, {@code LESSON_GUIDED}, {@code PLAN_REVIEWED}, {@code TERM_REVIEW} or {@code OTHER};
 * {@code on} is a civil date (China Standard Time) inside the pairing's school year.
 */
public record MentorshipCheckpointRecorded(String mentorshipId, String districtId, String townshipId,
                                           String schoolId, String mentorId, String menteeId, String schoolYear,
                                           int number, String kind, LocalDate on, List<String> attachmentIds,
                                           Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return menteeId;
    }

    @Override
    public String eventSubject() {
        return mentorshipId;
    }
}
