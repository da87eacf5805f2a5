package cn.xiaoben.activity.material;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A teaching material a teacher submits (六个一: 一套完整教案, 一份试卷, or courseware). The service checks that
 * {@code submittedOn} is not after today (China Standard Time) and that at least one attachment carries the material.
 */
public record TeachingMaterialRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotNull MaterialKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50) String subject,
        @NotBlank @Size(max = 50) String grade,
        @NotNull LocalDate submittedOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {
}
