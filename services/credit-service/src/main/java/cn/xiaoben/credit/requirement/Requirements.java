package cn.xiaoben.credit.requirement;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.web.PageResponse;
import cn.xiaoben.service.web.SchoolYearParameter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Requirement progress of teachers: per requirement of the rule set in force for the school year (its district's),
 * for the teacher's groups, the period(s) of that year — both terms for TERM, the year, the cycle containing it —
 * evaluated from the ledger as of today (service clock, Shanghai date). Nothing is stored: computed on every read.
 */
@Service
public class Requirements {

    private final RuleSets ruleSets;
    private final TeacherGroups groups;
    private final DirectoryReplica directory;
    private final MongoCollection<Document> entries;
    private final Clock clock;

    public Requirements(RuleSets ruleSets, TeacherGroups groups, DirectoryReplica directory, MongoDatabase database,
                        Clock clock) {
        this.ruleSets = ruleSets;
        this.groups = groups;
        this.directory = directory;
        this.entries = database.getCollection(CreditLedger.ENTRIES);
        this.clock = clock;
    }

    public RequirementsView of(Caller caller, String teacherId, String year) {
        SchoolYear schoolYear = SchoolYearParameter.parseOrCurrent(year, clock);
        TeacherRef teacher = TeacherAccess.reachable(directory, caller, teacherId);
        return evaluate(teacher, schoolYear, ruleSets.inForce(teacher.districtId(), schoolYear));
    }

    public RequirementsView evaluate(TeacherRef teacher, SchoolYear year, VersionedRuleSet rules) {
        TeacherGroups.Groups teacherGroups = groups.of(teacher.teacherId());
        RuleSet ruleSet = rules.ruleSet();
        LocalDate today = today();
        List<Document> ledger = null;
        List<RequirementProgress> progress = new ArrayList<>();
        for (RuleSet.Requirement requirement : ruleSet.requirements()) {
            if (!teacherGroups.includes(requirement.group())) {
                continue;
            }
            for (Period period : Period.of(requirement, year)) {
                if (ledger == null) {
                    ledger = entriesOf(teacher.teacherId());
                }
                progress.add(RequirementEvaluator.evaluate(ruleSet, requirement, period, ledger, today));
            }
        }
        return new RequirementsView(teacher.teacherId(), teacher.name(), teacher.schoolId(), year.name(), today,
                new RequirementsView.RuleSetRef(rules.id(), rules.version(), ruleSet.name(), rules.status()),
                ruleSet.hoursPerCredit(), teacherGroups.newTeacher(), teacherGroups.classTeacher(), progress);
    }

    /** Teachers of a school (directory replica) with a requirement AT_RISK or MISSED in the year, one page. */
    public PageResponse<AtRiskTeacher> atRisk(Caller caller, String schoolId, String year, int page, int size) {
        SchoolYear schoolYear = SchoolYearParameter.parseOrCurrent(year, clock);
        if (!caller.hasAnyOf(Role.SCHOOL_ADMIN, Role.SCHOOL_SYSTEM, Role.GROUP_LEAD, Role.TOWNSHIP_ADMIN,
                Role.BUREAU_ADMIN)) {
            throw ApiProblem.forbidden("Only the school's staff, its township and the bureau see teachers at risk.",
                    "只有本校管理人员、所属乡镇和教育局可以查看学时预警名单。");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw ApiProblem.invalidField(size < 1 || size > 200 ? "size" : "page", "invalid-page",
                    "page must be ≥ 0 and size between 1 and 200.", "page 须 ≥ 0，size 须在 1 到 200 之间。");
        }
        var school = directory.reachableSchool(caller, schoolId);
        VersionedRuleSet rules = ruleSets.inForce(school.districtId(), schoolYear);
        List<AtRiskTeacher> flagged = new ArrayList<>();
        for (Document t : directory.collection(DirectoryReplica.TEACHERS).find(Filters.eq("schoolId", schoolId))
                .sort(Sorts.ascending("_id"))) {
            TeacherRef teacher = directory.teacher(t.getString("_id")).orElseThrow();
            RequirementsView view = evaluate(teacher, schoolYear, rules);
            List<RequirementProgress> attention = view.requirements().stream()
                    .filter(RequirementProgress::needsAttention).toList();
            if (!attention.isEmpty()) {
                flagged.add(new AtRiskTeacher(teacher.teacherId(), teacher.name(), teacher.subject(), attention));
            }
        }
        int from = Math.min(flagged.size(), page * size);
        int to = Math.min(flagged.size(), from + size);
        return new PageResponse<>(flagged.subList(from, to), page, size, flagged.size());
    }

    List<Document> entriesOf(String teacherId) {
        return entries.find(Filters.eq("teacherId", teacherId)).into(new ArrayList<>());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformTime.ZONE));
    }

    public record AtRiskTeacher(String teacherId, String teacherName, String subject,
                                List<RequirementProgress> requirements) {
    }
}
