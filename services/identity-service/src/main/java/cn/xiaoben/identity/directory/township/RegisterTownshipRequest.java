package cn.xiaoben.identity.directory.township;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/townships}. */
public record RegisterTownshipRequest(@NotBlank @Size(max = 50) String name) {
}
