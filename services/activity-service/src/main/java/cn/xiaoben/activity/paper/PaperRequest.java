package cn.xiaoben.activity.paper;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper or case (论文 / 案例) published in a journal or awarded in an appraisal. {@code authorIds} lists the authors
 * in order, the first being the main author (第一作者); all must be teachers of the caller's school. {@code awardGrade}
 * is required for an award and forbidden for a journal; {@code publishedOn} may not be after today in China Standard
 * Time (both checked by the service).
 */
public record PaperRequest(
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> authorIds,
        @NotBlank @Size(max = 200) String title,
        @NotNull PaperKind kind,
        @NotNull @Valid Outlet outlet,
        @NotNull ActivityLevel level,
        AwardGrade awardGrade,
        @NotNull LocalDate publishedOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds) {

    /** The journal (期刊) or the appraisal (评选) that gave the award. */
    public record Outlet(@NotNull OutletType type, @NotBlank @Size(max = 200) String name) {
    }
}
