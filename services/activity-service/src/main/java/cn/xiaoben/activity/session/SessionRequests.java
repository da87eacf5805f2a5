package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** The request bodies of the session API. */
public final class SessionRequests {

    private SessionRequests() {
    }

    /** A session planned by hand. The host is not a participant (they get a HOST attendance record). */
    public record Create(@NotNull SessionForm form, @NotBlank @Size(max = 200) String topic,
                         @NotNull ActivityLevel level, @NotBlank @Size(max = 64) String hostId,
                         @Size(max = 64) String subjectGroupId, @NotNull OffsetDateTime plannedStart,
                         @NotNull OffsetDateTime plannedEnd, @Size(max = 100) String place,
                         @NotNull @Size(max = 500) List<@NotBlank @Size(max = 64) String> participantIds) {
    }

    public record Code(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    public record NewCode(@NotNull CodePurpose purpose) {
    }

    public record Cancel(@Size(max = 500) String reason) {
    }

    public record Correction(@NotNull AttendanceMark mark, @NotNull @Min(0) @Max(1440) Integer attendedMinutes,
                             @NotBlank @Size(max = 500) String reason) {
    }

    /** A school's fixed weekly PD time for one subject group. */
    public record WeeklySlot(@NotBlank @Size(max = 64) String subjectGroupId, @NotNull DayOfWeek dayOfWeek,
                             @NotNull LocalTime start, @NotNull @Min(10) @Max(480) Integer durationMinutes,
                             @Size(max = 100) String place, @NotBlank @Size(max = 64) String hostId,
                             SessionForm form, @Size(max = 200) String topic) {
    }
}
