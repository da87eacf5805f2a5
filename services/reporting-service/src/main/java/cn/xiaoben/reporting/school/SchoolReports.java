package cn.xiaoben.reporting.school;

import cn.xiaoben.reporting.directory.Organisation;
import cn.xiaoben.reporting.directory.SchoolEntry;
import cn.xiaoben.reporting.facts.CreditFacts;
import cn.xiaoben.reporting.facts.CreditTally;
import cn.xiaoben.reporting.facts.Hours;
import cn.xiaoben.reporting.facts.ObservationFacts;
import cn.xiaoben.reporting.facts.ObservationTally;
import cn.xiaoben.reporting.facts.Stored;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import org.springframework.stereotype.Service;

/** A school's report, computed from the facts on read, for whoever may reach the school. */
@Service
public class SchoolReports {

    private final DirectoryReplica directory;
    private final Organisation organisation;
    private final ObservationFacts observations;
    private final CreditFacts credits;

    public SchoolReports(DirectoryReplica directory, Organisation organisation, ObservationFacts observations,
                         CreditFacts credits) {
        this.directory = directory;
        this.organisation = organisation;
        this.observations = observations;
        this.credits = credits;
    }

    public SchoolReportView of(Caller caller, String schoolId, SchoolYear year) {
        SchoolRef school = directory.reachableSchool(caller, schoolId);
        String name = organisation.school(schoolId).map(SchoolEntry::name).orElse(null);
        long teachers = organisation.teachersOf(schoolId);
        ObservationTally observed = observations.schoolTally(schoolId, year);
        CreditTally credited = credits.schoolTally(schoolId, year);
        return new SchoolReportView(schoolId, name, school.townshipId(), year.toString(), teachers,
                new SchoolReportView.LessonObservations(observed.total(), observed.bySubject(), observed.byMonth()),
                new SchoolReportView.Credits(credited.totalHours(), credited.teachersWithCredit(),
                        Hours.perHead(credited.totalHours(), teachers), credited.byCategory()),
                Stored.later(observed.lastStoredAt(), credited.lastStoredAt()));
    }
}
