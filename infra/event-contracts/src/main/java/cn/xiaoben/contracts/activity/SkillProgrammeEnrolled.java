package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher enrolled in a skill programme (e.g. 信息技术应用能力提升工程2.0) with its modules (1–30 distinct names).
 * Keyed by the teacher. {@code level} is {@code SCHOOL} to {@code NATIONAL}; {@code enrolledOn} is a civil date in
 * China Standard Time.
 */
public record SkillProgrammeEnrolled(String enrolmentId, String districtId, String townshipId, String schoolId,
                                     String teacherId, String programme, String level, List<String> modules,
                                     LocalDate enrolledOn, Instant enrolledAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return enrolmentId;
    }
}
