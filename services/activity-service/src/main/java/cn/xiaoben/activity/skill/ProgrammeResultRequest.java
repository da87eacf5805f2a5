package cn.xiaoben.activity.skill;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The final result of a skill programme: passed or not, {@code on} (not before the last module's completion, not
 * after today in China Standard Time), optionally a score 0–100.
 */
public record ProgrammeResultRequest(
        @NotNull Boolean passed,
        @NotNull LocalDate on,
        @DecimalMin("0") @DecimalMax("100") BigDecimal score) {
}
