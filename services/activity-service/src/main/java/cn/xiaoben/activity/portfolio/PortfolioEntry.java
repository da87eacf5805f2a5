package cn.xiaoben.activity.portfolio;

import java.time.LocalDate;
import java.util.Map;

/**
 * One thing a teacher did, as the portfolio shows it.
 *
 * @param form    the activity form: a {@code SessionForm} name for sessions (THEMED_RESEARCH, COLLECTIVE_PREPARATION,
 *                LECTURE, SALON, SAME_LESSON_DIFFERENT_DESIGNS, OPEN_LESSON, READING_CLUB) or LESSON_OBSERVATION,
 *                REFLECTION, READING_NOTE, PAPER, COMPETITION, RESEARCH_PROJECT, ONLINE_STUDY, EXTERNAL_TRAINING,
 *                MENTORSHIP, SKILL_PROGRAMME, TEACHING_MATERIAL
 * @param id      the record's id (its GET path is {@code path})
 * @param path    the API path that reads the record, e.g. {@code /api/activities/papers/pap-1}
 * @param date    when it happened (held, observed, written, published, awarded, applied …)
 * @param title   what it was about (topic, title, book, competition …)
 * @param role    the teacher's part: HOST, PARTICIPANT, SPEAKER, TEACHING (taught the lesson), MAIN_PREPARER,
 *                OBSERVER, AUTHOR, LEADER, MEMBER, MENTOR, MENTEE, LEARNER, CLAIMANT
 * @param level   SCHOOL … NATIONAL where the form has one, else null
 * @param status  the record's state where it has one (PLANNED/HELD, a project stage, a claim's state), else null
 * @param details a few form-specific facts (kind, minutes, award grade …) for display; null values are dropped
 */
public record PortfolioEntry(String form, String id, String path, LocalDate date, String title, String role,
                             String level, String status, Map<String, Object> details) {

    public PortfolioEntry {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
        }
        details = java.util.Collections.unmodifiableMap(kept);
    }
}
