package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.EventTypes;
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
import cn.xiaoben.messaging.consumer.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One handler bean per credit-relevant activity event type (topic {@code xiaoben.activity.v1}; the one listener of
 * the service subscribes to the topics of its handlers and skips the types nobody handles). Corrections:
 * {@link AttendanceCorrectedCredit}.
 */
@Configuration(proxyBeanMethods = false)
class AwardHandlers {

    @Bean
    EventHandler<LessonObserved> lessonObservedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.LESSON_OBSERVED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<AttendanceRecorded> attendanceRecordedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.ATTENDANCE_RECORDED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<ReflectionSubmitted> reflectionSubmittedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.REFLECTION_SUBMITTED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<ReadingNoteSubmitted> readingNoteSubmittedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.READING_NOTE_SUBMITTED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<PaperRecorded> paperRecordedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.PAPER_RECORDED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<CompetitionResultRecorded> competitionResultRecordedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.COMPETITION_RESULT_RECORDED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<ResearchProjectAdvanced> researchProjectAdvancedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.RESEARCH_PROJECT_ADVANCED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<OnlineStudyRecorded> onlineStudyRecordedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.ONLINE_STUDY_RECORDED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<ExternalTrainingClaimed> externalTrainingClaimedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.EXTERNAL_TRAINING_CLAIMED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<MentorshipFormed> mentorshipFormedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.MENTORSHIP_FORMED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<SkillProgrammeCompleted> skillProgrammeCompletedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.SKILL_PROGRAMME_COMPLETED, ActivityFacts::of, awarder);
    }

    @Bean
    EventHandler<TeachingMaterialSubmitted> teachingMaterialSubmittedCredit(CreditAwarder awarder) {
        return new FactHandler<>(EventTypes.TEACHING_MATERIAL_SUBMITTED, ActivityFacts::of, awarder);
    }
}
