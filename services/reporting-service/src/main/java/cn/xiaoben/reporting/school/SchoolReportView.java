package cn.xiaoben.reporting.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A school's report for one school year. {@code teachers} is the school's current headcount (directory);
 * {@code averageHoursPerTeacher} divides the credit hours by that headcount (teachers without credit count as 0).
 * {@code updatedAt} is when the newest fact in the report arrived (null when there is none).
 */
public record SchoolReportView(String schoolId, String schoolName, String townshipId, String schoolYear,
                               long teachers, LessonObservations lessonObservations, Credits credits,
                               Instant updatedAt) {

    /** Lesson observations held at the school: total, per subject, per month (YYYY-MM). */
    public record LessonObservations(long total, Map<String, Long> bySubject, Map<String, Long> byMonth) {
    }

    /** Credit hours awarded to the school's teachers (attributed to this school by the credit service). */
    public record Credits(BigDecimal totalHours, long teachersWithCredit, BigDecimal averageHoursPerTeacher,
                          Map<String, BigDecimal> byCategory) {
    }
}
