package cn.xiaoben.activity.skill;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's enrolment in a skill programme (信息技术应用能力提升工程2.0 etc.): the programme, its level, its modules
 * (1–30 distinct names, in order; checked by the service) and the enrolment date (not after today in China Standard
 * Time).
 */
public record SkillProgrammeRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotBlank @Size(max = 200) String programme,
        @NotNull ActivityLevel level,
        @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 100) String> modules,
        @NotNull LocalDate enrolledOn) {
}
