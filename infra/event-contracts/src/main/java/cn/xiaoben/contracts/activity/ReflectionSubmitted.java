package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher submitted a written reflection: a teaching reflection (教学反思), an education narrative (教育叙事) or a
 * case study (案例分析). Keyed by the teacher who wrote it. The full text stays in the activity service (the event
 * carries its word count only, to keep the payload small). {@code kind} is {@code teachingReflection},
 * {@code educationNarrative} or {@code caseStudy}; {@code writtenOn} is a civil date in China Standard Time.
 */
public record ReflectionSubmitted(String reflectionId, String districtId, String townshipId, String schoolId,
                                  String teacherId, String kind, String title, int wordCount, LocalDate writtenOn,
                                  List<String> attachmentIds, Instant submittedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return reflectionId;
    }
}
