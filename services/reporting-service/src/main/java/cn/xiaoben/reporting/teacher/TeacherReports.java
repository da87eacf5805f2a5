package cn.xiaoben.reporting.teacher;

import cn.xiaoben.reporting.facts.CreditFacts;
import cn.xiaoben.reporting.facts.ObservationFacts;
import cn.xiaoben.reporting.facts.Stored;
import cn.xiaoben.reporting.facts.TeacherCredits;
import cn.xiaoben.reporting.facts.TeacherObservations;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.stereotype.Service;

/** A teacher's report, for the teacher themself and whoever may reach their current school. */
@Service
public class TeacherReports {

    private final DirectoryReplica directory;
    private final ObservationFacts observations;
    private final CreditFacts credits;

    public TeacherReports(DirectoryReplica directory, ObservationFacts observations, CreditFacts credits) {
        this.directory = directory;
        this.observations = observations;
        this.credits = credits;
    }

    public TeacherReportView of(Caller caller, String teacherId, SchoolYear year) {
        requireSelfIfOnlyTeacher(caller, teacherId);
        TeacherRef teacher = directory.reachableTeacher(caller, teacherId);
        TeacherObservations observed = observations.teacherTally(teacherId, year);
        TeacherCredits credited = credits.teacherCredits(teacherId, year);
        return new TeacherReportView(teacher.teacherId(), teacher.name(), teacher.schoolId(), year.toString(),
                new TeacherReportView.LessonObservations(observed.given(), observed.received()),
                new TeacherReportView.Credits(credited.tally().totalHours(), credited.tally().byCategory()),
                LatestActivity.of(observed.latest(), credited.latest()),
                Stored.later(observed.lastStoredAt(), credited.tally().lastStoredAt()));
    }

    /** A teacher's own token reaches their own report only (checked before the lookup: no probing for ids). */
    private static void requireSelfIfOnlyTeacher(Caller caller, String teacherId) {
        boolean onlyTeacher = caller.has(Role.TEACHER) && !caller.hasAnyOf(Role.SCHOOL_ADMIN, Role.GROUP_LEAD,
                Role.SCHOOL_SYSTEM, Role.TOWNSHIP_ADMIN, Role.BUREAU_ADMIN, Role.EXPERT);
        if (onlyTeacher && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only see their own report.", "教师只能查看本人的报表。");
        }
    }
}
