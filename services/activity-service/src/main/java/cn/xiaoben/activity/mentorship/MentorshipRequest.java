package cn.xiaoben.activity.mentorship;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A mentoring pair (师徒结对 / 青蓝工程) a school forms for a school year such as {@code 2026-2027}. The service checks
 * that mentor and mentee are two different teachers of the caller's school, that {@code startedOn} lies inside the
 * school year and is not after today (China Standard Time), and that the mentee has no other pairing that year.
 */
public record MentorshipRequest(
        @NotBlank @Size(max = 64) String mentorId,
        @NotBlank @Size(max = 64) String menteeId,
        @NotBlank @Size(max = 9) String schoolYear,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 500) String> goals,
        @NotNull LocalDate startedOn) {
}
