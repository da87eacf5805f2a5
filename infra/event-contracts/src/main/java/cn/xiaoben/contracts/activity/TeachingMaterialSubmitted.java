package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher submitted a teaching material (六个一: a full set of lesson plans, a test paper, courseware) with at least
 * one attachment. Keyed by the teacher. {@code kind} is {@code LESSON_PLAN_SET}, {@code TEST_PAPER} or
 * {@code COURSEWARE}; {@code submittedOn} is a civil date in China Standard Time.
 */
public record TeachingMaterialSubmitted(String materialId, String districtId, String townshipId, String schoolId,
                                        String teacherId, String kind, String title, String subject, String grade,
                                        LocalDate submittedOn, List<String> attachmentIds, Instant submittedAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return materialId;
    }
}
