package cn.xiaoben.identity.directory.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/schools}. */
public record RegisterSchoolRequest(
        @NotBlank @Size(max = 64) String townshipId,
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Pattern(regexp = "小学|初中|高中|九年一贯制", message = "{xiaoben.school.stage}") String stage) {
}
