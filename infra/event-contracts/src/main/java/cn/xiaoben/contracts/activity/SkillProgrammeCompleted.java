package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The final result of a teacher's skill programme, recorded once every module is complete: {@code result}
 * {@code PASSED} or {@code FAILED}, an optional {@code score} (0–100). Keyed by the teacher.
 */
public record SkillProgrammeCompleted(String enrolmentId, String districtId, String townshipId, String schoolId,
                                      String teacherId, String programme, String level, String result,
                                      BigDecimal score, int totalModules, LocalDate completedOn,
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
