package cn.xiaoben.activity.submission;

import java.time.LocalDate;

/** Filters, paging and order of a list of reflections or reading notes ({@code from} inclusive, {@code to} exclusive). */
public record SubmissionQuery(String schoolId, String teacherId, String kind, LocalDate from, LocalDate to,
                              int page, int size, boolean newestFirst) {
}
