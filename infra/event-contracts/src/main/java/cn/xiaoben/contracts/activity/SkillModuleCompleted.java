package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher completed one module of a skill programme. Keyed by the teacher. {@code moduleNumber} is the module's
 * position (from 1); {@code completedModules} of {@code totalModules} are complete after this one.
 */
public record SkillModuleCompleted(String enrolmentId, String districtId, String townshipId, String schoolId,
                                   String teacherId, String programme, String module, int moduleNumber,
                                   LocalDate completedOn, int completedModules, int totalModules,
                                   Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return enrolmentId;
    }
}
