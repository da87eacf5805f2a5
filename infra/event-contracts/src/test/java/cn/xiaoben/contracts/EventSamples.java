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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type in the catalogue. */
final class EventSamples {

    static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

    static List<DomainEvent> all() {
        return List.of(
                new TownshipRegistered("tsp-1", "dst-1", "城关镇", NOW),
                new SchoolRegistered("sch-1", "dst-1", "tsp-1", "城关第一中学", "初中", NOW),
                new SubjectGroupRegistered("grp-1", "dst-1", "tsp-1", "sch-1", "数学教研组", "数学", NOW),
                new TeacherRegistered("tch-1", "dst-1", "tsp-1", "sch-1", "王丽", "女", "数学", "grp-1", "一级教师", 1985, NOW),
                new TeacherTransferred("tch-1", "dst-1", "sch-1", "sch-2", "tsp-2", "grp-9", NOW),
                new LessonObserved("obs-1", "dst-1", "tsp-1", "sch-1", "tch-1", "tch-2", "数学", "七年级", "一元一次方程",
                        OffsetDateTime.parse("2026-11-20T09:00:00+08:00"), 45,
                        Map.of("objectives", 90, "content", 85, "method", 88, "engagement", 80, "effect", 86, "basicSkills", 90),
                        "目标明确，学生参与度高", NOW, "ses-3"),
                new ReflectionSubmitted("rfl-1", "dst-1", "tsp-1", "sch-1", "tch-1", "teachingReflection",
                        "《一元一次方程》教学反思", 860, LocalDate.parse("2026-11-20"), List.of("att-1"), NOW),
                new ReadingNoteSubmitted("rdn-1", "dst-1", "tsp-1", "sch-1", "tch-1", "book", "读《给教师的建议》有感",
                        "给教师的建议", "苏霍姆林斯基", "第1–20条", 1200, LocalDate.parse("2026-11-19"), List.of(), NOW),
                new PaperRecorded("pap-1", "dst-1", "tsp-1", "sch-1", "tch-1", List.of("tch-1", "tch-2"),
                        "核心素养视角下的初中数学单元教学设计", "PAPER", "AWARD", "全县中小学教学论文评选", "COUNTY",
                        "FIRST", LocalDate.parse("2026-10-15"), List.of("att-2"), NOW),
                new CompetitionResultRecorded("cmp-1", "dst-1", "tsp-1", "sch-1", "tch-1", "全县初中数学优质课评选",
                        "QUALITY_LESSON", "COUNTY", "SECOND", LocalDate.parse("2026-10-28"), List.of(), NOW),
                new ActivityScheduled("ses-1", "dst-1", "tsp-1", "sch-1", "grp-1", "THEMED_RESEARCH", "SCHOOL",
                        "核心素养下的单元教学设计", "tch-1", OffsetDateTime.parse("2026-11-25T15:30:00+08:00"),
                        OffsetDateTime.parse("2026-11-25T17:00:00+08:00"), "会议室", List.of("tch-2", "tch-3"), "slot-1", NOW,
                        "SCHOOL", "tch-2", null, null, null, null),
                new ActivityHeld("ses-1", "dst-1", "tsp-1", "sch-1", "grp-1", "THEMED_RESEARCH", "SCHOOL",
                        "核心素养下的单元教学设计", "tch-1", LocalDate.parse("2026-11-25"),
                        OffsetDateTime.parse("2026-11-25T15:30:00+08:00"), OffsetDateTime.parse("2026-11-25T17:00:00+08:00"),
                        2, 1, 0, 1, 0, 90, "CHECK_IN", NOW, "SCHOOL", "tch-2", null, null, null, null),
                new ActivityCancelled("ses-2", "dst-1", "tsp-1", "sch-1", "COLLECTIVE_PREPARATION", "SCHOOL", "tch-1",
                        OffsetDateTime.parse("2026-12-02T15:30:00+08:00"), "期中考试调课", NOW),
                new AttendanceRecorded("ses-1", "tch-2", "dst-1", "tsp-1", "sch-1", "THEMED_RESEARCH", "SCHOOL",
                        LocalDate.parse("2026-11-25"), "tch-1", "PARTICIPANT", "PRESENT", 90,
                        OffsetDateTime.parse("2026-11-25T15:28:00+08:00"), OffsetDateTime.parse("2026-11-25T17:01:00+08:00"),
                        "CHECK_IN", NOW, "SPEAKER"),
                new AttendanceCorrected("ses-1", "tch-3", "dst-1", "tsp-1", "sch-1", "THEMED_RESEARCH", "SCHOOL",
                        LocalDate.parse("2026-11-25"), "tch-1", "PARTICIPANT", "ABSENT", 0, "EXCUSED", 0,
                        "参加县级培训，已请假", "tch-1", NOW),
                new ResearchProjectRegistered("rsp-1", "dst-1", "tsp-1", "sch-1", "初中数学单元整体教学的实践研究", "COUNTY",
                        "数学", "tch-1", List.of("tch-2", "tch-3"), "APPLIED", LocalDate.parse("2026-03-10"), NOW),
                new ResearchProjectAdvanced("rsp-1", "dst-1", "tsp-1", "sch-1", "tch-1", List.of("tch-2", "tch-3"),
                        "COUNTY", "APPLIED", "APPROVED", LocalDate.parse("2026-04-15"), NOW),
                new CreditAwarded("crd-1", "tch-1", "dst-1", "sch-1", "2026-2027", "lesson-observation",
                        new BigDecimal("1.0"), new BigDecimal("1.0"), "default.lesson-observation.observer",
                        EventTypes.LESSON_OBSERVED.name(), "obs-1", "evt-1", LocalDate.parse("2026-11-20"), NOW,
                        "default", 0, "OBSERVER", true, "LESSON_OBSERVED|obs-1|tch-1|OBSERVER", 1),
                new CreditRulesPublished("rs-dst-1-2026-2027-v2", "dst-1", "2026-2027", 2, "云溪县校本研修学时认定办法",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        List.of("session", "lesson-observation"), 12, List.of("yearly", "cycle"), "bureau.admin", NOW),
                new LessonPlanRevised("ses-2", "dst-1", "tsp-1", "sch-1", "tch-2", "tch-1", "SCHOOL",
                        LocalDate.parse("2026-12-02"), 2, "att-3", "根据组内研讨调整了例题顺序", "tch-2", NOW),
                new SessionMinutesRecorded("ses-1", "dst-1", "tsp-1", "sch-1", "THEMED_RESEARCH", "SCHOOL", "tch-1",
                        LocalDate.parse("2026-11-25"), 1, 1350, List.of("att-4"), "tch-1", NOW),
                new OnlineStudyRecorded("ost-1", "dst-1", "tsp-1", "sch-1", "tch-1", "国家中小学智慧教育平台",
                        "大单元教学设计与实施", new BigDecimal("12.5"), LocalDate.parse("2026-11-18"), List.of("att-3"), NOW),
                new ExternalTrainingClaimed("ext-1", "dst-1", "tsp-1", "sch-1", "tch-1", "TRAINING",
                        "国培计划（2026）初中数学骨干教师培训", "省教育厅", "NATIONAL", "省教育学院", LocalDate.parse("2026-10-20"),
                        LocalDate.parse("2026-10-24"), new BigDecimal("40"), List.of("att-4"), NOW),
                new MentorshipFormed("mnt-1", "dst-1", "tsp-1", "sch-1", "tch-1", "tch-2", "2026-2027",
                        List.of("每周听徒弟一节课", "指导一节校级公开课"), LocalDate.parse("2026-09-10"), NOW),
                new MentorshipCheckpointRecorded("mnt-1", "dst-1", "tsp-1", "sch-1", "tch-1", "tch-2", "2026-2027", 1,
                        "LESSON_OBSERVED", LocalDate.parse("2026-10-15"), List.of(), NOW),
                new SkillProgrammeEnrolled("skp-1", "dst-1", "tsp-1", "sch-1", "tch-1", "信息技术应用能力提升工程2.0",
                        "PROVINCE", List.of("A1 技术支持的学情分析", "B2 微课程设计与制作"), LocalDate.parse("2026-09-15"), NOW),
                new SkillModuleCompleted("skp-1", "dst-1", "tsp-1", "sch-1", "tch-1", "信息技术应用能力提升工程2.0",
                        "B2 微课程设计与制作", 2, LocalDate.parse("2026-10-30"), 1, 2, NOW),
                new SkillProgrammeCompleted("skp-1", "dst-1", "tsp-1", "sch-1", "tch-1", "信息技术应用能力提升工程2.0",
                        "PROVINCE", "PASSED", new BigDecimal("92.5"), 2, LocalDate.parse("2026-11-15"), NOW),
                new TeachingMaterialSubmitted("tmt-1", "dst-1", "tsp-1", "sch-1", "tch-2", "LESSON_PLAN_SET",
                        "七年级上册第三章《一元一次方程》全套教案", "数学", "七年级", LocalDate.parse("2026-11-10"),
                        List.of("att-5"), NOW),
                new CreditRevoked("crd-2", "crd-1", "tch-1", "dst-1", "sch-1", "2026-2027", "session",
                        new BigDecimal("-2.0"), "ATTENDANCE_CORRECTED", "ATTENDANCE_RECORDED|ses-1|tch-1|PARTICIPANT",
                        EventTypes.ATTENDANCE_CORRECTED.name(), "ses-1", "evt-2", LocalDate.parse("2026-11-25"), NOW),
                new CreditClaimSubmitted("clm-1", "dst-1", "tsp-1", "sch-1", "tch-1", "EXTERNAL_TRAINING",
                        "国培计划初中数学骨干教师培训", "省教育学院", new BigDecimal("12.5"), LocalDate.parse("2026-10-24"),
                        List.of("att-9"), "DIRECT", null, null, List.of("SCHOOL", "COUNTY"), "SCHOOL", "teacher-tch-1",
                        NOW),
                new CreditClaimApproved("clm-1", "dst-1", "tsp-1", "sch-1", "tch-1", "SCHOOL", false, "COUNTY",
                        "admin-sch-1", "证书属实", 95, NOW),
                new CreditClaimRejected("clm-2", "dst-1", "tsp-1", "sch-1", "tch-1", "COUNTY", "expert-dst-1",
                        "证书与培训内容不符", 1440, NOW),
                new RequirementMet("tch-1|yearly|2026-2027", "tch-1", "dst-1", "sch-1", "yearly", "每学年校本培训不少于24学时",
                        "YEAR", "2026-2027", LocalDate.parse("2026-09-01"), LocalDate.parse("2027-08-31"), "default", 0,
                        new BigDecimal("24"), new BigDecimal("25.0"), new BigDecimal("12"), new BigDecimal("14.0"), null,
                        "crd-1", NOW));
    }

    private EventSamples() {
    }
}
