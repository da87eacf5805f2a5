package cn.xiaoben.identity.directory.teacher;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/schools/{schoolId}/teachers}. {@code gender}: 男 or 女. */
public record RegisterTeacherRequest(
        @NotBlank @Size(max = 50) String name,
        @Pattern(regexp = "男|女", message = "{xiaoben.teacher.gender}") String gender,
        @NotBlank @Size(max = 20) String subject,
        @Size(max = 64) String subjectGroupId,
        @Size(max = 30) String title,
        @Min(1940) @Max(2010) Integer birthYear) {
}
