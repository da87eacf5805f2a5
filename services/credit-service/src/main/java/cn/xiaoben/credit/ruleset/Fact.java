package cn.xiaoben.credit.ruleset;

import java.util.Set;

/**
 * The credit-relevant facts a rule can pay for, with the roles a teacher can have in each, whether the fact carries
 * minutes (DURATION), declared hours (DECLARED) and which grades a BY_GRADE table may use.
 */
public enum Fact {
    LESSON_OBSERVED(Set.of("OBSERVER"), true, false, Set.of()),
    ATTENDANCE_RECORDED(Set.of("PARTICIPANT", "HOST", "SPEAKER", "TEACHING", "MAIN_PREPARER"), true, false,
            Set.of("PRESENT", "LATE")),
    REFLECTION_SUBMITTED(Set.of("AUTHOR"), false, false, Set.of()),
    READING_NOTE_SUBMITTED(Set.of("AUTHOR"), false, false, Set.of()),
    PAPER_RECORDED(Set.of("MAIN_AUTHOR", "CO_AUTHOR"), false, false,
            Set.of("PUBLISHED", "FIRST", "SECOND", "THIRD", "EXCELLENCE")),
    COMPETITION_RESULT_RECORDED(Set.of("CONTESTANT"), false, false,
            Set.of("FIRST", "SECOND", "THIRD", "EXCELLENCE", "PARTICIPATED")),
    RESEARCH_PROJECT_ADVANCED(Set.of("LEADER", "MEMBER"), false, false,
            Set.of("APPROVED", "OPENED", "MIDTERM", "CONCLUDED")),
    ONLINE_STUDY_RECORDED(Set.of("LEARNER"), false, true, Set.of()),
    EXTERNAL_TRAINING_CLAIMED(Set.of("CLAIMANT"), false, true, Set.of()),
    MENTORSHIP_FORMED(Set.of("MENTOR", "MENTEE"), false, false, Set.of()),
    SKILL_PROGRAMME_COMPLETED(Set.of("LEARNER"), false, false, Set.of()),
    TEACHING_MATERIAL_SUBMITTED(Set.of("AUTHOR"), false, false, Set.of()),
    CREDIT_CLAIM_APPROVED(Set.of("CLAIMANT"), false, true, Set.of());

    private final Set<String> roles;
    private final boolean hasMinutes;
    private final boolean hasDeclaredHours;
    private final Set<String> grades;

    Fact(Set<String> roles, boolean hasMinutes, boolean hasDeclaredHours, Set<String> grades) {
        this.roles = roles;
        this.hasMinutes = hasMinutes;
        this.hasDeclaredHours = hasDeclaredHours;
        this.grades = grades;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasMinutes() {
        return hasMinutes;
    }

    public boolean hasDeclaredHours() {
        return hasDeclaredHours;
    }

    public Set<String> grades() {
        return grades;
    }
}
