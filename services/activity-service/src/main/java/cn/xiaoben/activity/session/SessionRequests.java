package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import jakarta.validation.Valid;
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

    /**
     * A session planned by hand. The host is not a participant (they get a HOST attendance record). The form's own
     * fields are optional here and checked per form by {@link SessionFormRules} (required / not allowed);
     * {@code hostUnit} defaults to SCHOOL.
     */
    public record Create(@NotNull SessionForm form, @NotBlank @Size(max = 200) String topic,
                         @NotNull ActivityLevel level, @NotBlank @Size(max = 64) String hostId,
                         @Size(max = 64) String subjectGroupId, @NotNull OffsetDateTime plannedStart,
                         @NotNull OffsetDateTime plannedEnd, @Size(max = 100) String place,
                         @NotNull @Size(max = 500) List<@NotBlank @Size(max = 64) String> participantIds,
                         HostUnit hostUnit,
                         @Size(min = 1, max = 64) String speakerId,
                         @Size(min = 1, max = 100) String speakerName,
                         @Size(min = 1, max = 64) String mainPreparerId,
                         @Size(max = 10) List<@NotBlank @Size(max = 64) String> teachingTeacherIds,
                         LessonKind lessonKind,
                         @Valid LessonContent lessonContent,
                         @Valid Book book) {

        HostUnit unit() {
            return hostUnit == null ? HostUnit.SCHOOL : hostUnit;
        }
    }

    /** The lesson a collective preparation, a 同课异构 or an open lesson is about. */
    public record LessonContent(@NotBlank @Size(max = 20) String subject, @NotBlank @Size(max = 20) String grade,
                                @NotBlank @Size(max = 200) String title) {
    }

    /** The book a reading club (读书交流会) discusses. */
    public record Book(@NotBlank @Size(max = 200) String title, @Size(max = 100) String author,
                       @Size(max = 200) String chapters) {
    }

    /** A new revision of a collective preparation's lesson plan: an uploaded attachment and what changed. */
    public record LessonPlanRevision(@NotBlank @Size(max = 64) String attachmentId, @Size(max = 1000) String note) {
    }

    /** Links the main preparer's reflection (教学反思) after teaching the prepared lesson. */
    public record ReflectionLink(@NotBlank @Size(max = 64) String reflectionId) {
    }

    /** The minutes (纪要 / 观点交流) of a held session. */
    public record Minutes(@NotBlank @Size(min = 20, max = 20000) String text,
                          @Size(max = 10) List<@NotBlank @Size(max = 64) String> attachmentIds) {
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
