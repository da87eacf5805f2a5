package cn.xiaoben.identity.directory.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/schools/{schoolId}/subject-groups}. */
public record RegisterSubjectGroupRequest(@NotBlank @Size(max = 50) String name,
                                          @NotBlank @Size(max = 20) String subject) {
}
