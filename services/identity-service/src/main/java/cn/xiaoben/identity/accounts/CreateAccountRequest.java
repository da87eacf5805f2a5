package cn.xiaoben.identity.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/directory/accounts}. Which of {@code townshipId}, {@code schoolId}, {@code teacherId} are needed
 * depends on the role (see {@link AccountPlacement}).
 */
public record CreateAccountRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{xiaoben.account.username}") String username,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 50) String displayName,
        @NotBlank @Pattern(regexp = "BUREAU_ADMIN|TOWNSHIP_ADMIN|SCHOOL_ADMIN|GROUP_LEAD|TEACHER|EXPERT",
                message = "{xiaoben.account.role}") String role,
        @Size(max = 64) String townshipId,
        @Size(max = 64) String schoolId,
        @Size(max = 64) String teacherId) {
}
