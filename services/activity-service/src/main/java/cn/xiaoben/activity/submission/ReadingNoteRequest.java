package cn.xiaoben.activity.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Reading notes (读书心得) on a professional book or article: what was read, and the teacher's notes. */
public record ReadingNoteRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotNull ReadingKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String bookTitle,
        @Size(max = 100) String bookAuthor,
        @Size(max = 200) String chapters,
        @NotBlank @Size(min = 50, max = 20000) String text,
        @NotNull LocalDate writtenOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {
}
