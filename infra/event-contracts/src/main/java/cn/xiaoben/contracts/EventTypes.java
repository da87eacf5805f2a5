package cn.xiaoben.contracts;

import cn.xiaoben.contracts.activity.ActivityCancelled;
import cn.xiaoben.contracts.activity.ActivityHeld;
import cn.xiaoben.contracts.activity.ActivityScheduled;
import cn.xiaoben.contracts.activity.AttendanceCorrected;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.contracts.activity.CompetitionResultRecorded;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.activity.LessonPlanRevised;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.contracts.activity.ReadingNoteSubmitted;
import cn.xiaoben.contracts.activity.ReflectionSubmitted;
import cn.xiaoben.contracts.activity.ResearchProjectAdvanced;
import cn.xiaoben.contracts.activity.ResearchProjectRegistered;
import cn.xiaoben.contracts.activity.SessionMinutesRecorded;
import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.contracts.credit.CreditRulesPublished;
import cn.xiaoben.contracts.credit.CreditRevoked;
import cn.xiaoben.contracts.credit.CreditClaimSubmitted;
import cn.xiaoben.contracts.credit.CreditClaimApproved;
import cn.xiaoben.contracts.credit.CreditClaimRejected;
import cn.xiaoben.contracts.credit.RequirementMet;
import cn.xiaoben.contracts.activity.OnlineStudyRecorded;
import cn.xiaoben.contracts.activity.ExternalTrainingClaimed;
import cn.xiaoben.contracts.activity.MentorshipFormed;
import cn.xiaoben.contracts.activity.MentorshipCheckpointRecorded;
import cn.xiaoben.contracts.activity.SkillProgrammeEnrolled;
import cn.xiaoben.contracts.activity.SkillModuleCompleted;
import cn.xiaoben.contracts.activity.SkillProgrammeCompleted;
import cn.xiaoben.contracts.activity.TeachingMaterialSubmitted;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TeacherTransferred;
import cn.xiaoben.contracts.directory.TownshipRegistered;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the platform publishes. Names follow {@code cn.xiaoben.<context>.<entity>.<verb>.v<major>}. */
public final class EventTypes {

    public static final EventType<TownshipRegistered> TOWNSHIP_REGISTERED =
            new EventType<>("cn.xiaoben.directory.township.registered.v1", Topics.DIRECTORY, TownshipRegistered.class);
    public static final EventType<SchoolRegistered> SCHOOL_REGISTERED =
            new EventType<>("cn.xiaoben.directory.school.registered.v1", Topics.DIRECTORY, SchoolRegistered.class);
    public static final EventType<SubjectGroupRegistered> SUBJECT_GROUP_REGISTERED =
            new EventType<>("cn.xiaoben.directory.subject_group.registered.v1", Topics.DIRECTORY, SubjectGroupRegistered.class);
    public static final EventType<TeacherRegistered> TEACHER_REGISTERED =
            new EventType<>("cn.xiaoben.directory.teacher.registered.v1", Topics.DIRECTORY, TeacherRegistered.class);
    public static final EventType<TeacherTransferred> TEACHER_TRANSFERRED =
            new EventType<>("cn.xiaoben.directory.teacher.transferred.v1", Topics.DIRECTORY, TeacherTransferred.class);

    public static final EventType<LessonObserved> LESSON_OBSERVED =
            new EventType<>("cn.xiaoben.activity.lesson.observed.v1", Topics.ACTIVITY, LessonObserved.class);
    public static final EventType<ReflectionSubmitted> REFLECTION_SUBMITTED =
            new EventType<>("cn.xiaoben.activity.reflection.submitted.v1", Topics.ACTIVITY, ReflectionSubmitted.class);
    public static final EventType<ReadingNoteSubmitted> READING_NOTE_SUBMITTED =
            new EventType<>("cn.xiaoben.activity.reading_note.submitted.v1", Topics.ACTIVITY, ReadingNoteSubmitted.class);
    public static final EventType<PaperRecorded> PAPER_RECORDED =
            new EventType<>("cn.xiaoben.activity.paper.recorded.v1", Topics.ACTIVITY, PaperRecorded.class);
    public static final EventType<CompetitionResultRecorded> COMPETITION_RESULT_RECORDED =
            new EventType<>("cn.xiaoben.activity.competition_result.recorded.v1", Topics.ACTIVITY,
                    CompetitionResultRecorded.class);

    public static final EventType<ActivityScheduled> ACTIVITY_SCHEDULED =
            new EventType<>("cn.xiaoben.activity.session.scheduled.v1", Topics.ACTIVITY, ActivityScheduled.class);
    public static final EventType<ActivityHeld> ACTIVITY_HELD =
            new EventType<>("cn.xiaoben.activity.session.held.v1", Topics.ACTIVITY, ActivityHeld.class);
    public static final EventType<ActivityCancelled> ACTIVITY_CANCELLED =
            new EventType<>("cn.xiaoben.activity.session.cancelled.v1", Topics.ACTIVITY, ActivityCancelled.class);
    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED =
            new EventType<>("cn.xiaoben.activity.attendance.recorded.v1", Topics.ACTIVITY, AttendanceRecorded.class);
    public static final EventType<AttendanceCorrected> ATTENDANCE_CORRECTED =
            new EventType<>("cn.xiaoben.activity.attendance.corrected.v1", Topics.ACTIVITY, AttendanceCorrected.class);

    public static final EventType<ResearchProjectRegistered> RESEARCH_PROJECT_REGISTERED =
            new EventType<>("cn.xiaoben.activity.research_project.registered.v1", Topics.ACTIVITY, ResearchProjectRegistered.class);
    public static final EventType<ResearchProjectAdvanced> RESEARCH_PROJECT_ADVANCED =
            new EventType<>("cn.xiaoben.activity.research_project.advanced.v1", Topics.ACTIVITY, ResearchProjectAdvanced.class);

    public static final EventType<CreditAwarded> CREDIT_AWARDED =
            new EventType<>("cn.xiaoben.credit.credit.awarded.v1", Topics.CREDIT, CreditAwarded.class);
    public static final EventType<CreditRulesPublished> CREDIT_RULES_PUBLISHED =
            new EventType<>("cn.xiaoben.credit.rules.published.v1", Topics.CREDIT, CreditRulesPublished.class);

    public static final EventType<LessonPlanRevised> LESSON_PLAN_REVISED =
            new EventType<>("cn.xiaoben.activity.lesson_plan.revised.v1", Topics.ACTIVITY, LessonPlanRevised.class);
    public static final EventType<SessionMinutesRecorded> SESSION_MINUTES_RECORDED =
            new EventType<>("cn.xiaoben.activity.session_minutes.recorded.v1", Topics.ACTIVITY,
                    SessionMinutesRecorded.class);

    public static final EventType<OnlineStudyRecorded> ONLINE_STUDY_RECORDED =
            new EventType<>("cn.xiaoben.activity.online_study.recorded.v1", Topics.ACTIVITY, OnlineStudyRecorded.class);
    public static final EventType<ExternalTrainingClaimed> EXTERNAL_TRAINING_CLAIMED =
            new EventType<>("cn.xiaoben.activity.external_training.claimed.v1", Topics.ACTIVITY, ExternalTrainingClaimed.class);
    public static final EventType<MentorshipFormed> MENTORSHIP_FORMED =
            new EventType<>("cn.xiaoben.activity.mentorship.formed.v1", Topics.ACTIVITY, MentorshipFormed.class);
    public static final EventType<MentorshipCheckpointRecorded> MENTORSHIP_CHECKPOINT_RECORDED =
            new EventType<>("cn.xiaoben.activity.mentorship_checkpoint.recorded.v1", Topics.ACTIVITY,
                    MentorshipCheckpointRecorded.class);
    public static final EventType<SkillProgrammeEnrolled> SKILL_PROGRAMME_ENROLLED =
            new EventType<>("cn.xiaoben.activity.skill_programme.enrolled.v1", Topics.ACTIVITY, SkillProgrammeEnrolled.class);
    public static final EventType<SkillModuleCompleted> SKILL_MODULE_COMPLETED =
            new EventType<>("cn.xiaoben.activity.skill_module.completed.v1", Topics.ACTIVITY, SkillModuleCompleted.class);
    public static final EventType<SkillProgrammeCompleted> SKILL_PROGRAMME_COMPLETED =
            new EventType<>("cn.xiaoben.activity.skill_programme.completed.v1", Topics.ACTIVITY, SkillProgrammeCompleted.class);
    public static final EventType<TeachingMaterialSubmitted> TEACHING_MATERIAL_SUBMITTED =
            new EventType<>("cn.xiaoben.activity.teaching_material.submitted.v1", Topics.ACTIVITY,
                    TeachingMaterialSubmitted.class);
    public static final EventType<CreditRevoked> CREDIT_REVOKED =
            new EventType<>("cn.xiaoben.credit.credit.revoked.v1", Topics.CREDIT, CreditRevoked.class);
    public static final EventType<CreditClaimSubmitted> CREDIT_CLAIM_SUBMITTED =
            new EventType<>("cn.xiaoben.credit.claim.submitted.v1", Topics.CREDIT, CreditClaimSubmitted.class);
    public static final EventType<CreditClaimApproved> CREDIT_CLAIM_APPROVED =
            new EventType<>("cn.xiaoben.credit.claim.approved.v1", Topics.CREDIT, CreditClaimApproved.class);
    public static final EventType<CreditClaimRejected> CREDIT_CLAIM_REJECTED =
            new EventType<>("cn.xiaoben.credit.claim.rejected.v1", Topics.CREDIT, CreditClaimRejected.class);
    public static final EventType<RequirementMet> REQUIREMENT_MET =
            new EventType<>("cn.xiaoben.credit.requirement.met.v1", Topics.CREDIT, RequirementMet.class);

    private static final List<EventType<?>> ALL = List.of(
            TOWNSHIP_REGISTERED, SCHOOL_REGISTERED, SUBJECT_GROUP_REGISTERED, TEACHER_REGISTERED, TEACHER_TRANSFERRED,
            LESSON_OBSERVED, REFLECTION_SUBMITTED, READING_NOTE_SUBMITTED, PAPER_RECORDED, COMPETITION_RESULT_RECORDED,
            ACTIVITY_SCHEDULED, ACTIVITY_HELD, ACTIVITY_CANCELLED, ATTENDANCE_RECORDED, ATTENDANCE_CORRECTED,
            RESEARCH_PROJECT_REGISTERED, RESEARCH_PROJECT_ADVANCED,
            CREDIT_AWARDED, CREDIT_RULES_PUBLISHED,
            LESSON_PLAN_REVISED, SESSION_MINUTES_RECORDED,
            ONLINE_STUDY_RECORDED, EXTERNAL_TRAINING_CLAIMED, MENTORSHIP_FORMED, MENTORSHIP_CHECKPOINT_RECORDED,
            SKILL_PROGRAMME_ENROLLED, SKILL_MODULE_COMPLETED, SKILL_PROGRAMME_COMPLETED, TEACHING_MATERIAL_SUBMITTED,
            CREDIT_REVOKED,
            CREDIT_CLAIM_SUBMITTED, CREDIT_CLAIM_APPROVED, CREDIT_CLAIM_REJECTED,
            REQUIREMENT_MET);

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends DomainEvent> EventType<T> of(T event) {
        return (EventType<T>) ALL.stream()
                .filter(t -> t.dataClass() == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalogue: " + event.getClass()));
    }
}
