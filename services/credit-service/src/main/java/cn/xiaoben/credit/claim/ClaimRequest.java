package cn.xiaoben.credit.claim;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's claim for hours no event covers. {@code hours} 0.5–500 in half-hour steps, {@code date} not after
 * today (China Standard Time) and not before the previous school year began (a claim is for recent training), at least one evidence attachment (ids of activity-service attachments).
 */
public record ClaimRequest(@NotBlank @Size(max = 64) String teacherId,
                           @NotNull ClaimKind kind,
                           @NotBlank @Size(max = 200) String title,
                           @Size(max = 200) String organizer,
                           @NotNull @DecimalMin("0.5") @DecimalMax("500") BigDecimal hours,
                           @NotNull LocalDate date,
                           @Size(max = 20) List<@NotBlank @Size(max = 64) String> evidenceAttachmentIds) {
}
