package cn.xiaoben.reporting.teacher;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A teacher's report for one school year. History follows the teacher (教师交流轮岗): it counts their facts at any
 * school; {@code schoolId} is their current school.
 */
public record TeacherReportView(String teacherId, String teacherName, String schoolId, String schoolYear,
                                LessonObservations lessonObservations, Credits credits,
                                LatestActivity latestActivity, Instant updatedAt) {

    /** Lessons the teacher observed (given) and lessons of theirs that were observed (received). */
    public record LessonObservations(long given, long received) {
    }

    public record Credits(BigDecimal totalHours, Map<String, BigDecimal> byCategory) {
    }
}
