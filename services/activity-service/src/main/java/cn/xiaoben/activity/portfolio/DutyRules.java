package cn.xiaoben.activity.portfolio;

import cn.xiaoben.contracts.SchoolTerm;
import cn.xiaoben.contracts.SchoolYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The duties seed 002 imposes, checked from portfolio entries.
 * <ul>
 *   <li>"三个一" (every teacher): host one group session per term; give one open lesson per year; write one paper or
 *   case per year; read ten professional papers per term (counted as reading notes).</li>
 *   <li>"六个一" (young teachers): per year host once, give one open lesson, hand in one full set of lesson plans and
 *   one test paper, write one paper, take part in one research project — with an assigned mentor.</li>
 * </ul>
 * Only held sessions count; a case study (案例分析) reflection counts as a case.
 */
final class DutyRules {

    private final PortfolioProperties properties;

    DutyRules(PortfolioProperties properties) {
        this.properties = properties;
    }

    List<Duty> threeOnes(SchoolYear year, List<PortfolioEntry> entries, LocalDate today) {
        List<Duty> duties = new ArrayList<>();
        for (SchoolTerm term : terms(year)) {
            duties.add(duty("HOST_GROUP_SESSION", "Host one group session", "每学期主持一次教研组活动", term.name(),
                    term.endExclusive(), 1, entries, inTerm(term).and(DutyRules::hostedHeldSession), today));
        }
        duties.add(duty("OPEN_LESSON", "Give one open lesson", "每学年上一节公开课", year.name(), year.endExclusive(), 1,
                entries, DutyRules::taughtOpenLesson, today));
        duties.add(duty("PAPER_OR_CASE", "Write one paper or case", "每学年写一篇论文或案例", year.name(),
                year.endExclusive(), 1, entries, DutyRules::paperOrCase, today));
        for (SchoolTerm term : terms(year)) {
            duties.add(duty("PROFESSIONAL_READING", "Read " + properties.readingsPerTerm() + " professional papers",
                    "每学期读" + properties.readingsPerTerm() + "篇专业文章（读书心得）", term.name(), term.endExclusive(),
                    properties.readingsPerTerm(), entries, inTerm(term).and(e -> "READING_NOTE".equals(e.form())),
                    today));
        }
        return duties;
    }

    List<Duty> sixOnes(SchoolYear year, List<PortfolioEntry> entries, LocalDate today) {
        String period = year.name();
        LocalDate end = year.endExclusive();
        return List.of(
                duty("HOST_SESSION", "Host one session", "主持一次研修活动", period, end, 1, entries,
                        DutyRules::hostedHeldSession, today),
                duty("OPEN_LESSON", "Give one open lesson", "上一节公开课", period, end, 1, entries,
                        DutyRules::taughtOpenLesson, today),
                duty("LESSON_PLAN_SET", "Hand in one full set of lesson plans", "写一套完整教案", period, end, 1,
                        entries, material("LESSON_PLAN_SET"), today),
                duty("TEST_PAPER", "Write one test paper", "出一份试卷", period, end, 1, entries, material("TEST_PAPER"),
                        today),
                duty("PAPER", "Write one paper", "写一篇论文", period, end, 1, entries, DutyRules::paperOrCase, today),
                duty("RESEARCH_PROJECT", "Take part in one research project", "参与一项课题研究", period, end, 1, entries,
                        e -> "RESEARCH_PROJECT".equals(e.form()), today),
                duty("MENTOR_ASSIGNED", "Have an assigned mentor", "有指导教师（师徒结对）", period, end, 1, entries,
                        DutyRules::mentee, today));
    }

    static boolean mentee(PortfolioEntry e) {
        return "MENTORSHIP".equals(e.form()) && "MENTEE".equals(e.role());
    }

    private static List<SchoolTerm> terms(SchoolYear year) {
        return List.of(new SchoolTerm(year, 1), new SchoolTerm(year, 2));
    }

    private static Predicate<PortfolioEntry> inTerm(SchoolTerm term) {
        return e -> term.contains(e.date());
    }

    private static boolean hostedHeldSession(PortfolioEntry e) {
        return PortfolioForms.SESSIONS.contains(e.form()) && "HOST".equals(e.role()) && "HELD".equals(e.status());
    }

    /** The teacher taught the lesson of a held open lesson or 同课异构 (also when they hosted it themself). */
    private static boolean taughtOpenLesson(PortfolioEntry e) {
        return PortfolioForms.LESSONS.contains(e.form()) && "HELD".equals(e.status())
                && ("TEACHING".equals(e.role()) || "TEACHING".equals(e.details().get("contribution")));
    }

    private static boolean paperOrCase(PortfolioEntry e) {
        return "PAPER".equals(e.form())
                || ("REFLECTION".equals(e.form()) && "caseStudy".equals(e.details().get("kind")));
    }

    private static Predicate<PortfolioEntry> material(String kind) {
        return e -> "TEACHING_MATERIAL".equals(e.form()) && kind.equals(e.details().get("kind"));
    }

    private static Duty duty(String code, String name, String nameZh, String period, LocalDate periodEnd,
                             int required, List<PortfolioEntry> entries, Predicate<PortfolioEntry> counts,
                             LocalDate today) {
        List<String> evidence = entries.stream().filter(counts).map(PortfolioEntry::id).toList();
        DutyStatus status = evidence.size() >= required ? DutyStatus.MET
                : today.isBefore(periodEnd) ? DutyStatus.OPEN : DutyStatus.MISSED;
        return new Duty(code, name, nameZh, period, required, evidence.size(), status, evidence);
    }
}
