package cn.xiaoben.activity.competition;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's result in a teaching competition. {@code heldOn} may not be after today in China Standard Time (checked
 * by the service).
 */
public record CompetitionResultRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotBlank @Size(max = 200) String competition,
        @NotNull CompetitionKind kind,
        @NotNull ActivityLevel level,
        @NotNull CompetitionOutcome result,
        @NotNull LocalDate heldOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {
}
