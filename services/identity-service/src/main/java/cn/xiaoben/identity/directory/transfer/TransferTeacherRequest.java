package cn.xiaoben.identity.directory.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/directory/teachers/{teacherId}/transfers}: the school the teacher moves to (交流轮岗). */
public record TransferTeacherRequest(@NotBlank @Size(max = 64) String toSchoolId,
                                     @Size(max = 64) String subjectGroupId) {
}
