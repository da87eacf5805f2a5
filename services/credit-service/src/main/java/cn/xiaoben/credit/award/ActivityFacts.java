package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.activity.AttendanceCorrected;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.contracts.activity.CompetitionResultRecorded;
import cn.xiaoben.contracts.activity.ExternalTrainingClaimed;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.activity.MentorshipFormed;
import cn.xiaoben.contracts.activity.OnlineStudyRecorded;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.contracts.activity.ReadingNoteSubmitted;
import cn.xiaoben.contracts.activity.ReflectionSubmitted;
import cn.xiaoben.contracts.activity.ResearchProjectAdvanced;
import cn.xiaoben.contracts.activity.SkillProgrammeCompleted;
import cn.xiaoben.contracts.activity.TeachingMaterialSubmitted;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import cn.xiaoben.messaging.consumer.ReceivedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns each credit-relevant activity event into the teachers' parts in it ({@link CreditFact}), one method per
 * event type. The source key is natural ({@code <fact>|<record id>|<teacher>|<role>}), never the CloudEvent id, so a
 * redelivered, re-published or duplicated event finds the decision already taken. District and school are the
 * event's.
 */
public final class ActivityFacts {

    private ActivityFacts() {
    }

    public static List<CreditFact> of(ReceivedEvent<LessonObserved> e, LessonObserved o) {
        return List.of(part(e, Fact.LESSON_OBSERVED, o.observationId(), o.observerId(), "OBSERVER", o.districtId(),
                o.schoolId(), PlatformTime.dateOf(o.observedAt()), null, null, Set.of(), null,
                o.durationMinutes(), null, true));
    }

    public static List<CreditFact> of(ReceivedEvent<AttendanceRecorded> e, AttendanceRecorded a) {
        String role = a.contribution() != null ? a.contribution() : a.role();
        return List.of(attendance(e, a.sessionId(), a.teacherId(), role, a.districtId(), a.schoolId(), a.date(),
                a.level(), a.form(), a.mark(), a.attendedMinutes()));
    }

    /**
     * The attendance as corrected, in {@code role} (the role of the decision taken for the original attendance,
     * which may be a contribution the correction does not repeat).
     */
    public static CreditFact corrected(ReceivedEvent<AttendanceCorrected> e, AttendanceCorrected c, String role) {
        return attendance(e, c.sessionId(), c.teacherId(), role, c.districtId(), c.schoolId(), c.date(), c.level(),
                c.form(), c.newMark(), c.newAttendedMinutes());
    }

    private static CreditFact attendance(ReceivedEvent<?> e, String sessionId, String teacherId, String role,
                                         String districtId, String schoolId, LocalDate date, String level,
                                         String form, String mark, int minutes) {
        boolean attended = "PRESENT".equals(mark) || "LATE".equals(mark);
        return part(e, Fact.ATTENDANCE_RECORDED, sessionId, teacherId, role, districtId, schoolId, date, level, form,
                Set.of(), mark, minutes, null, attended);
    }

    public static List<CreditFact> of(ReceivedEvent<ReflectionSubmitted> e, ReflectionSubmitted r) {
        return List.of(part(e, Fact.REFLECTION_SUBMITTED, r.reflectionId(), r.teacherId(), "AUTHOR", r.districtId(),
                r.schoolId(), orDate(r.writtenOn(), r.submittedAt()), null, null, kinds(r.kind()), null, null, null,
                true));
    }

    public static List<CreditFact> of(ReceivedEvent<ReadingNoteSubmitted> e, ReadingNoteSubmitted n) {
        return List.of(part(e, Fact.READING_NOTE_SUBMITTED, n.noteId(), n.teacherId(), "AUTHOR", n.districtId(),
                n.schoolId(), orDate(n.writtenOn(), n.submittedAt()), null, null, kinds(n.kind()), null, null, null,
                true));
    }

    public static List<CreditFact> of(ReceivedEvent<PaperRecorded> e, PaperRecorded p) {
        String grade = p.awardGrade() != null ? p.awardGrade() : "JOURNAL".equals(p.outletType()) ? "PUBLISHED" : null;
        LocalDate date = orDate(p.publishedOn(), p.recordedAt());
        List<CreditFact> parts = new ArrayList<>();
        parts.add(part(e, Fact.PAPER_RECORDED, p.paperId(), p.mainAuthorId(), "MAIN_AUTHOR", p.districtId(),
                p.schoolId(), date, p.level(), null, kinds(p.kind()), grade, null, null, true));
        for (String coAuthor : others(p.authorIds(), p.mainAuthorId())) {
            parts.add(part(e, Fact.PAPER_RECORDED, p.paperId(), coAuthor, "CO_AUTHOR", p.districtId(), p.schoolId(),
                    date, p.level(), null, kinds(p.kind()), grade, null, null, true));
        }
        return parts;
    }

    public static List<CreditFact> of(ReceivedEvent<CompetitionResultRecorded> e, CompetitionResultRecorded c) {
        return List.of(part(e, Fact.COMPETITION_RESULT_RECORDED, c.resultId(), c.teacherId(), "CONTESTANT",
                c.districtId(), c.schoolId(), orDate(c.heldOn(), c.recordedAt()), c.level(), null, kinds(c.kind()),
                c.result(), null, null, true));
    }

    public static List<CreditFact> of(ReceivedEvent<ResearchProjectAdvanced> e, ResearchProjectAdvanced r) {
        String sourceId = r.projectId() + ":" + r.toStage();
        LocalDate date = orDate(r.on(), r.advancedAt());
        List<CreditFact> parts = new ArrayList<>();
        parts.add(part(e, Fact.RESEARCH_PROJECT_ADVANCED, sourceId, r.leaderId(), "LEADER", r.districtId(),
                r.schoolId(), date, r.level(), null, kinds(r.toStage()), r.toStage(), null, null, true));
        for (String member : others(r.memberIds(), r.leaderId())) {
            parts.add(part(e, Fact.RESEARCH_PROJECT_ADVANCED, sourceId, member, "MEMBER", r.districtId(),
                    r.schoolId(), date, r.level(), null, kinds(r.toStage()), r.toStage(), null, null, true));
        }
        return parts;
    }

    public static List<CreditFact> of(ReceivedEvent<OnlineStudyRecorded> e, OnlineStudyRecorded s) {
        return List.of(part(e, Fact.ONLINE_STUDY_RECORDED, s.studyId(), s.teacherId(), "LEARNER", s.districtId(),
                s.schoolId(), orDate(s.completedOn(), s.recordedAt()), null, null, Set.of(), null, null, s.hours(),
                true));
    }

    public static List<CreditFact> of(ReceivedEvent<ExternalTrainingClaimed> e, ExternalTrainingClaimed t) {
        LocalDate date = t.endDate() != null ? t.endDate() : orDate(t.startDate(), t.claimedAt());
        return List.of(part(e, Fact.EXTERNAL_TRAINING_CLAIMED, t.trainingId(), t.teacherId(), "CLAIMANT",
                t.districtId(), t.schoolId(), date, t.level(), null, kinds(t.kind()), null, null, t.hours(), true));
    }

    public static List<CreditFact> of(ReceivedEvent<MentorshipFormed> e, MentorshipFormed m) {
        LocalDate date = orDate(m.startedOn(), m.formedAt());
        return List.of(
                part(e, Fact.MENTORSHIP_FORMED, m.mentorshipId(), m.mentorId(), "MENTOR", m.districtId(),
                        m.schoolId(), date, null, null, Set.of(), null, null, null, true),
                part(e, Fact.MENTORSHIP_FORMED, m.mentorshipId(), m.menteeId(), "MENTEE", m.districtId(),
                        m.schoolId(), date, null, null, Set.of(), null, null, null, true));
    }

    public static List<CreditFact> of(ReceivedEvent<SkillProgrammeCompleted> e, SkillProgrammeCompleted s) {
        return List.of(part(e, Fact.SKILL_PROGRAMME_COMPLETED, s.enrolmentId(), s.teacherId(), "LEARNER",
                s.districtId(), s.schoolId(), orDate(s.completedOn(), s.recordedAt()), s.level(), null,
                kinds(s.result()), null, null, null, true));
    }

    public static List<CreditFact> of(ReceivedEvent<TeachingMaterialSubmitted> e, TeachingMaterialSubmitted t) {
        return List.of(part(e, Fact.TEACHING_MATERIAL_SUBMITTED, t.materialId(), t.teacherId(), "AUTHOR",
                t.districtId(), t.schoolId(), orDate(t.submittedOn(), t.submittedAt()), null, null, kinds(t.kind()),
                null, null, null, true));
    }

    private static CreditFact part(ReceivedEvent<?> e, Fact fact, String sourceId, String teacherId, String role,
                                   String districtId, String schoolId, LocalDate date, String level, String form,
                                   Set<String> kinds, String grade, Integer minutes, BigDecimal declaredHours,
                                   boolean attended) {
        return new CreditFact(CreditFact.sourceKey(fact, sourceId, teacherId, role), e.id(), e.type(), sourceId, fact,
                teacherId, role, districtId, schoolId, date, level, form, kinds, grade, minutes, declaredHours,
                attended);
    }

    private static Set<String> kinds(String... kinds) {
        return Arrays.stream(kinds).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The other people of a list, each once, in order, without {@code first} and blanks. */
    private static Set<String> others(List<String> ids, String first) {
        if (ids == null) {
            return Set.of();
        }
        return ids.stream().filter(id -> id != null && !id.isBlank() && !id.equals(first))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static LocalDate orDate(LocalDate date, Instant fallback) {
        if (date != null) {
            return date;
        }
        return fallback == null ? null : fallback.atZone(PlatformTime.ZONE).toLocalDate();
    }
}
