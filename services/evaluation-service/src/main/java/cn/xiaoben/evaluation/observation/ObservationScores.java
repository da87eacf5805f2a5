package cn.xiaoben.evaluation.observation;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.stereotype.Service;

import java.util.List;

/** A teacher's lesson-observation scores, for whoever may see them. */
@Service
public class ObservationScores {

    private final ObservationScoreFacts facts;
    private final DirectoryReplica directory;

    public ObservationScores(ObservationScoreFacts facts, DirectoryReplica directory) {
        this.facts = facts;
        this.directory = directory;
    }

    /** Over one school year, or over all time (with a per-year breakdown) when {@code year} is null. */
    public ObservationScoresView of(Caller caller, String teacherId, SchoolYear year) {
        requireSelfIfOnlyTeacher(caller, teacherId);
        TeacherRef teacher = directory.reachableTeacher(caller, teacherId);
        ScoreSummary summary = ScoringFormula.apply(facts.tally(teacherId, year));
        List<YearScores> byYear = year != null ? null : facts.tallyByYear(teacherId).stream()
                .map(ScoringFormula::apply).map(YearScores::of).toList();
        return new ObservationScoresView(teacher.teacherId(), teacher.name(), teacher.schoolId(),
                summary.schoolYear(), summary.observations(), summary.averages(), summary.overall(),
                summary.weights(), summary.formula(), summary.formulaZh(), summary.dimensions(), byYear);
    }

    /** A teacher's own token reaches their own scores only (checked before the lookup: no probing for ids). */
    private static void requireSelfIfOnlyTeacher(Caller caller, String teacherId) {
        boolean onlyTeacher = caller.has(Role.TEACHER) && !caller.hasAnyOf(Role.SCHOOL_ADMIN, Role.GROUP_LEAD,
                Role.SCHOOL_SYSTEM, Role.TOWNSHIP_ADMIN, Role.BUREAU_ADMIN, Role.EXPERT);
        if (onlyTeacher && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only see their own scores.", "教师只能查看本人的评分。");
        }
    }
}
