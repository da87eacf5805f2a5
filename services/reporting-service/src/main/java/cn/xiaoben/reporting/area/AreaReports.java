package cn.xiaoben.reporting.area;

import cn.xiaoben.reporting.directory.Organisation;
import cn.xiaoben.reporting.directory.SchoolEntry;
import cn.xiaoben.reporting.directory.TownshipEntry;
import cn.xiaoben.reporting.facts.CreditFacts;
import cn.xiaoben.reporting.facts.Hours;
import cn.xiaoben.reporting.facts.ObservationFacts;
import cn.xiaoben.reporting.facts.SchoolActivity;
import cn.xiaoben.reporting.facts.Stored;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Township and district reports: a row per school (schools as the directory knows them), computed on read. */
@Service
public class AreaReports {

    private final Organisation organisation;
    private final ObservationFacts observations;
    private final CreditFacts credits;

    public AreaReports(Organisation organisation, ObservationFacts observations, CreditFacts credits) {
        this.organisation = organisation;
        this.observations = observations;
        this.credits = credits;
    }

    public TownshipReportView township(Caller caller, String townshipId, SchoolYear year) {
        AreaAccess.requireTownshipReader(caller, townshipId);
        TownshipEntry township = organisation.township(townshipId)
                .orElseThrow(() -> ApiProblem.notFound("Township", "乡镇", townshipId));
        AreaAccess.requireReach(caller, township);
        Rows rows = rows(organisation.schoolsOfTownship(township.districtId(), townshipId), year);
        return new TownshipReportView(townshipId, township.name(), township.districtId(), year.toString(),
                AreaTotals.of(rows.schools()), rows.schools(), rows.updatedAt());
    }

    public DistrictReportView district(Caller caller, SchoolYear year) {
        AreaAccess.requireDistrictReader(caller);
        Rows rows = rows(organisation.schoolsOfDistrict(caller.districtId()), year);
        Map<String, String> names = organisation.townshipNames(caller.districtId());
        Map<String, List<SchoolRow>> byTownship = new LinkedHashMap<>();
        rows.schools().forEach(r -> byTownship.computeIfAbsent(r.townshipId(), t -> new ArrayList<>()).add(r));
        List<TownshipRow> townships = byTownship.entrySet().stream()
                .map(e -> new TownshipRow(e.getKey(), names.get(e.getKey()), AreaTotals.of(e.getValue()))).toList();
        return new DistrictReportView(caller.districtId(), year.toString(), AreaTotals.of(rows.schools()), townships,
                rows.schools(), rows.updatedAt());
    }

    private Rows rows(List<SchoolEntry> schools, SchoolYear year) {
        List<String> ids = schools.stream().map(SchoolEntry::schoolId).toList();
        Map<String, Long> teachers = organisation.teachersBySchool(ids);
        Map<String, SchoolActivity> observed = observations.countBySchool(ids, year);
        Map<String, SchoolActivity> credited = credits.hoursBySchool(ids, year);
        List<SchoolRow> rows = new ArrayList<>();
        Instant updatedAt = null;
        for (SchoolEntry school : schools) {
            SchoolActivity activity = observed.getOrDefault(school.schoolId(), SchoolActivity.NONE)
                    .plus(credited.getOrDefault(school.schoolId(), SchoolActivity.NONE));
            rows.add(new SchoolRow(school.schoolId(), school.name(), school.townshipId(),
                    teachers.getOrDefault(school.schoolId(), 0L), activity.lessonObservations(),
                    Hours.plain(activity.creditHours()), activity.teachersWithCredit()));
            updatedAt = Stored.later(updatedAt, activity.lastStoredAt());
        }
        return new Rows(rows, updatedAt);
    }

    private record Rows(List<SchoolRow> schools, Instant updatedAt) {
    }
}
