package cn.xiaoben.activity.paper;

import cn.xiaoben.activity.level.ActivityLevel;
import java.time.LocalDate;

/** Filters and paging of a list of papers ({@code teacherId} matches any author; {@code from} inclusive, {@code to} exclusive). */
public record PaperQuery(String schoolId, String teacherId, ActivityLevel level, PaperKind kind, LocalDate from,
                         LocalDate to, int page, int size) {
}
