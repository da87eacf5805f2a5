package cn.xiaoben.credit.award;

import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.contracts.activity.MentorshipFormed;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.contracts.activity.ResearchProjectAdvanced;
import cn.xiaoben.contracts.activity.SkillProgrammeCompleted;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events to the teachers' parts in them: natural source keys, roles, grades. */
class ActivityFactsTest {

    static <T> ReceivedEvent<T> received(String type, T data) {
        return new ReceivedEvent<>("evt-" + System.nanoTime(), type, "/test", null, null, null, "t", 0, 0, data);
    }

    @Test
    void aJournalPaperGivesTheMainAuthorAndEachOtherAuthorOnceWithTheGradePublished() {
        PaperRecorded p = new PaperRecorded("pap-1", "dst-1", "tsp-1", "sch-1", "t-1", List.of("t-1", "t-2", "t-2", "t-3"),
                "题目", "PAPER", "JOURNAL", "中学数学", "PROVINCE", null, LocalDate.parse("2026-10-15"), List.of(),
                TestClock.start());
        List<CreditFact> parts = ActivityFacts.of(received(EventTypes.PAPER_RECORDED.name(), p), p);
        assertThat(parts).extracting(CreditFact::sourceKey).containsExactly("PAPER_RECORDED|pap-1|t-1|MAIN_AUTHOR",
                "PAPER_RECORDED|pap-1|t-2|CO_AUTHOR", "PAPER_RECORDED|pap-1|t-3|CO_AUTHOR");
        assertThat(parts).allSatisfy(f -> {
            assertThat(f.grade()).isEqualTo("PUBLISHED");
            assertThat(f.level()).isEqualTo("PROVINCE");
            assertThat(f.kinds()).containsExactly("PAPER");
        });
    }

    @Test
    void anAttendanceWithAContributionIsDecidedInThatRoleAndAnAbsenceIsNotAttended() {
        AttendanceRecorded speaker = new AttendanceRecorded("ses-1", "t-1", "dst-1", "tsp-1", "sch-1",
                "THEMED_RESEARCH", "SCHOOL", LocalDate.parse("2026-11-12"), "t-9", "PARTICIPANT", "LATE", 40, null,
                null, "UPLOAD", TestClock.start(), "SPEAKER");
        CreditFact f = ActivityFacts.of(received(EventTypes.ATTENDANCE_RECORDED.name(), speaker), speaker).get(0);
        assertThat(f.sourceKey()).isEqualTo("ATTENDANCE_RECORDED|ses-1|t-1|SPEAKER");
        assertThat(f.attended()).isTrue();
        assertThat(f.minutes()).isEqualTo(40);
        assertThat(f.grade()).isEqualTo("LATE");

        AttendanceRecorded absent = new AttendanceRecorded("ses-1", "t-2", "dst-1", "tsp-1", "sch-1",
                "THEMED_RESEARCH", "SCHOOL", LocalDate.parse("2026-11-12"), "t-9", "PARTICIPANT", "EXCUSED", 0, null,
                null, "UPLOAD", TestClock.start());
        CreditFact a = ActivityFacts.of(received(EventTypes.ATTENDANCE_RECORDED.name(), absent), absent).get(0);
        assertThat(a.role()).isEqualTo("PARTICIPANT");
        assertThat(a.attended()).isFalse();
    }

    @Test
    void aResearchStageIsItsOwnRecordForTheLeaderAndEachMember() {
        ResearchProjectAdvanced r = new ResearchProjectAdvanced("rsp-1", "dst-1", "tsp-1", "sch-1", "t-1",
                List.of("t-2", "t-1"), "COUNTY", "MIDTERM", "CONCLUDED", LocalDate.parse("2026-12-01"), TestClock.start());
        List<CreditFact> parts = ActivityFacts.of(received(EventTypes.RESEARCH_PROJECT_ADVANCED.name(), r), r);
        assertThat(parts).extracting(CreditFact::sourceKey).containsExactly(
                "RESEARCH_PROJECT_ADVANCED|rsp-1:CONCLUDED|t-1|LEADER",
                "RESEARCH_PROJECT_ADVANCED|rsp-1:CONCLUDED|t-2|MEMBER");
        assertThat(parts.get(1).grade()).isEqualTo("CONCLUDED");
        assertThat(parts.get(1).kinds()).containsExactly("CONCLUDED");
    }

    @Test
    void mentorshipsAndProgrammesNameTheirPeopleAndResults() {
        MentorshipFormed m = new MentorshipFormed("mnt-1", "dst-1", "tsp-1", "sch-1", "t-1", "t-2", "2026-2027",
                List.of(), LocalDate.parse("2026-09-10"), TestClock.start());
        assertThat(ActivityFacts.of(received(EventTypes.MENTORSHIP_FORMED.name(), m), m))
                .extracting(CreditFact::sourceKey)
                .containsExactly("MENTORSHIP_FORMED|mnt-1|t-1|MENTOR", "MENTORSHIP_FORMED|mnt-1|t-2|MENTEE");
        SkillProgrammeCompleted s = new SkillProgrammeCompleted("skp-1", "dst-1", "tsp-1", "sch-1", "t-1", "提升工程2.0",
                "PROVINCE", "FAILED", new BigDecimal("50"), 2, LocalDate.parse("2026-11-15"), TestClock.start());
        assertThat(ActivityFacts.of(received(EventTypes.SKILL_PROGRAMME_COMPLETED.name(), s), s).get(0).kinds())
                .containsExactly("FAILED");
    }
}
