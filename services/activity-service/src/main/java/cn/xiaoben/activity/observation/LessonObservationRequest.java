package cn.xiaoben.activity.observation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What a school system (or a teacher) submits after observing a lesson (听课评课). {@code sessionId} (optional) links
 * it to the 同课异构 or open-lesson session whose lesson was observed.
 */
public record LessonObservationRequest(
        @NotBlank @Size(max = 64) String observerId,
        @NotBlank @Size(max = 64) String teacherId,
        @NotBlank @Size(max = 20) String subject,
        @NotBlank @Size(max = 20) String grade,
        @NotBlank @Size(max = 200) String topic,
        @NotNull @PastOrPresent OffsetDateTime observedAt,
        @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @NotEmpty Map<String, @NotNull @Min(0) @Max(100) Integer> scores,
        @Size(max = 2000) String comment,
        @Size(min = 1, max = 64) String sessionId) {
}
