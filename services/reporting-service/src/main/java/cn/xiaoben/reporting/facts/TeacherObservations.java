package cn.xiaoben.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher's lesson observations in a school year: given (as observer) and received (observed), and the latest.
 */
public record TeacherObservations(long given, long received, Latest latest, Instant lastStoredAt) {

    /** The latest observation the teacher gave or received; {@code role} is {@code observer} or {@code observed}. */
    public record Latest(String observationId, LocalDate date, String role, String subject, String grade,
                         String topic) {
    }
}
