package cn.xiaoben.activity.skill;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A module completed {@code on} (not before the enrolment, not after today in China Standard Time). */
public record ModuleCompletionRequest(@NotNull LocalDate on) {
}
