package cn.xiaoben.activity.portfolio;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a teacher's growth portfolio from every {@link PortfolioSource}. Teachers see their own; school staff
 * their school's teachers; township staff, experts and the bureau the teachers in their scope (by the teacher's
 * current school — a teacher who moved keeps everything they did before).
 */
@Service
public class Portfolios {

    private final List<PortfolioSource> sources;
    private final DirectoryReplica directory;
    private final DutyRules duties;
    private final PortfolioProperties properties;
    private final Clock clock;

    public Portfolios(List<PortfolioSource> sources, DirectoryReplica directory, PortfolioProperties properties,
                      Clock clock) {
        this.sources = List.copyOf(sources);
        this.directory = directory;
        this.duties = new DutyRules(properties);
        this.properties = properties;
        this.clock = clock;
    }

    public PortfolioView of(Caller caller, String teacherId, SchoolYear year) {
        if (teacherOnly(caller) && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only open their own growth portfolio.", "教师只能查看本人的成长记录袋。");
        }
        TeacherRef teacher = directory.reachableTeacher(caller, teacherId);
        LocalDate from = year.firstDay();
        LocalDate to = year.endExclusive();
        List<PortfolioEntry> entries = new ArrayList<>();
        sources.forEach(s -> entries.addAll(s.entries(teacherId, from, to)));
        entries.sort(Comparator.comparing(PortfolioEntry::date).reversed().thenComparing(PortfolioEntry::id));

        Map<String, List<PortfolioEntry>> byForm = new LinkedHashMap<>();
        PortfolioForms.ordered().forEach(f -> byForm.put(f, new ArrayList<>()));
        entries.forEach(e -> byForm.computeIfAbsent(e.form(), f -> new ArrayList<>()).add(e));
        List<PortfolioView.Section> sections = byForm.entrySet().stream()
                .map(e -> new PortfolioView.Section(e.getKey(), PortfolioForms.NAMES_ZH.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().size(), List.copyOf(e.getValue())))
                .toList();

        LocalDate today = LocalDate.now(clock.withZone(PlatformTime.ZONE));
        Optional<String> young = youngTeacherBasis(teacherId, year, entries);
        return new PortfolioView(new PortfolioView.Teacher(teacher.teacherId(), teacher.name(), teacher.schoolId(),
                teacher.subject(), teacher.subjectGroupId()), year.name(), from, to, entries.size(), sections,
                young.isPresent(), young.orElse(null), duties.threeOnes(year, entries, today),
                young.isPresent() ? duties.sixOnes(year, entries, today) : null);
    }

    /** MENTEE when paired with a mentor that year, AGE when at most the configured age at the year's start. */
    private Optional<String> youngTeacherBasis(String teacherId, SchoolYear year, List<PortfolioEntry> entries) {
        if (entries.stream().anyMatch(DutyRules::mentee)) {
            return Optional.of("MENTEE");
        }
        return directory.birthYear(teacherId)
                .filter(born -> year.startYear() - born <= properties.youngTeacherMaxAge())
                .map(born -> "AGE");
    }

    private static boolean teacherOnly(Caller caller) {
        return caller.has(Role.TEACHER) && !caller.hasAnyOf(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD,
                Role.TOWNSHIP_ADMIN, Role.BUREAU_ADMIN, Role.EXPERT);
    }
}
