package cn.xiaoben.activity.mentorship;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A checkpoint of a mentoring pair: what happened {@code on} (inside the pairing's school year, not before it started,
 * not after today in China Standard Time), a note, optionally attachments of the school.
 */
public record CheckpointRequest(
        @NotNull LocalDate on,
        @NotNull CheckpointKind kind,
        @NotBlank @Size(max = 2000) String note,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {
}
