package cn.xiaoben.activity.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A teaching reflection, education narrative or case study (教学反思 / 教育叙事 / 案例分析) submitted by a teacher, or
 * by the school on a teacher's behalf. {@code writtenOn} may not be after today in China Standard Time (checked by the
 * service, which knows the platform's zone).
 */
public record ReflectionRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotNull ReflectionKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(min = 50, max = 20000) String text,
        @NotNull LocalDate writtenOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {
}
