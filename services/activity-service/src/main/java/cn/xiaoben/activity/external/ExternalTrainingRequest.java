package cn.xiaoben.activity.external;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim for an external training or observation (外出培训 / 外出听课). The service checks what validation cannot:
 * {@code level} COUNTY, CITY, PROVINCE or NATIONAL (国培) only; {@code endDate} not before {@code startDate} and not
 * after today (China Standard Time); {@code hours} in steps of 0.5 and at most 24 per day; at least one certificate.
 */
public record ExternalTrainingRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotNull ExternalTrainingKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String organizer,
        @NotNull ActivityLevel level,
        @NotBlank @Size(max = 200) String place,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @DecimalMin("0.5") @DecimalMax("500") BigDecimal hours,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> certificateAttachmentIds) {
}
