package cn.xiaoben.activity.research;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Moving a research project to its next stage, reached {@code on} (a civil date in China Standard Time, not before
 * the current stage's, not in the future).
 */
public record StageChangeRequest(
        @NotNull ResearchStage stage,
        @NotNull LocalDate on,
        @Size(max = 2000) String note,
        @Size(max = 20) List<@jakarta.validation.constraints.NotBlank @Size(max = 64) String> attachmentIds) {
}
