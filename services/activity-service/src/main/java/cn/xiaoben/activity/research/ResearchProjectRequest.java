package cn.xiaoben.activity.research;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A research project (课题研究) a school applies for (申报). The leader and members must be teachers of the caller's
 * school; {@code appliedOn} may not be after today in China Standard Time (checked by the service).
 */
public record ResearchProjectRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull ActivityLevel level,
        @NotBlank @Size(max = 50) String subject,
        @NotBlank @Size(max = 64) String leaderId,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> memberIds,
        @NotNull LocalDate appliedOn) {
}
