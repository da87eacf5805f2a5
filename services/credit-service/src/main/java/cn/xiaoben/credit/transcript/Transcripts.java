package cn.xiaoben.credit.transcript;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.requirement.RequirementEvaluator;
import cn.xiaoben.credit.requirement.Requirements;
import cn.xiaoben.credit.requirement.RequirementsView;
import cn.xiaoben.credit.requirement.TeacherAccess;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.SchoolYearParameter;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a teacher's transcript for a school year (same access as the credit account). */
@Service
public class Transcripts {

    private final CreditLedger ledger;
    private final RuleSets ruleSets;
    private final Requirements requirements;
    private final DirectoryReplica directory;
    private final Clock clock;

    public Transcripts(CreditLedger ledger, RuleSets ruleSets, Requirements requirements, DirectoryReplica directory,
                       Clock clock) {
        this.ledger = ledger;
        this.ruleSets = ruleSets;
        this.requirements = requirements;
        this.directory = directory;
        this.clock = clock;
    }

    public TranscriptView of(Caller caller, String teacherId, String year) {
        SchoolYear schoolYear = SchoolYearParameter.parseOrCurrent(year, clock);
        TeacherRef teacher = TeacherAccess.reachable(directory, caller, teacherId);
        return build(teacher, schoolYear);
    }

    public TranscriptView build(TeacherRef teacher, SchoolYear year) {
        VersionedRuleSet rules = ruleSets.inForce(teacher.districtId(), year);
        RuleSet ruleSet = rules.ruleSet();
        List<Document> documents = new ArrayList<>(ledger.entriesOf(teacher.teacherId(), year.name()));
        documents.sort(Comparator.comparing((Document d) -> d.getString("activityDate"),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(d -> d.getDate("awardedAt"), Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, String> voidedBy = new HashMap<>();
        Map<String, Boolean> requiredById = new HashMap<>();
        for (Document e : documents) {
            if (CreditLedger.REVOCATION.equals(e.getString("kind"))) {
                voidedBy.put(e.getString("voids"), e.getString("_id"));
            } else {
                requiredById.put(e.getString("_id"), required(ruleSet, e));
            }
        }
        List<TranscriptView.Line> lines = new ArrayList<>();
        Map<String, BigDecimal> hoursByCategory = new LinkedHashMap<>();
        Map<String, Integer> countByCategory = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal requiredContent = BigDecimal.ZERO;
        for (Document e : documents) {
            String id = e.getString("_id");
            String kind = e.getString("kind") == null ? CreditLedger.AWARD : e.getString("kind");
            boolean revocation = CreditLedger.REVOCATION.equals(kind);
            boolean isRequired = revocation ? requiredById.getOrDefault(e.getString("voids"), required(ruleSet, e))
                    : requiredById.get(id);
            BigDecimal hours = CreditLedger.hours(e.get("hours"));
            String category = e.getString("category");
            Document source = e.get("source", Document.class);
            lines.add(new TranscriptView.Line(id, e.getString("activityDate") == null ? null
                    : LocalDate.parse(e.getString("activityDate")), kind, category, nameZh(ruleSet, category),
                    isRequired, source == null ? null : source.getString("type"),
                    source == null ? null : source.getString("id"), e.getString("role"), hours,
                    voidedBy.containsKey(id), voidedBy.get(id), e.getString("voids"), e.getString("ruleId")));
            hoursByCategory.merge(category, hours, BigDecimal::add);
            countByCategory.merge(category, 1, Integer::sum);
            total = total.add(hours);
            if (isRequired) {
                requiredContent = requiredContent.add(hours);
            }
        }
        List<TranscriptView.CategoryTotal> totals = new ArrayList<>();
        for (RuleSet.Category c : ruleSet.categories()) {
            if (hoursByCategory.containsKey(c.code())) {
                totals.add(new TranscriptView.CategoryTotal(c.code(), c.nameZh(), c.countsAsRequired(),
                        scale(hoursByCategory.remove(c.code())), c.yearlyCap(), countByCategory.get(c.code())));
            }
        }
        // categories of entries decided under another rule set version, if any
        hoursByCategory.forEach((code, hours) -> totals.add(new TranscriptView.CategoryTotal(code, null, false,
                scale(hours), null, countByCategory.get(code))));
        RequirementsView progress = requirements.evaluate(teacher, year, rules);
        String schoolName = directory.schoolDocument(teacher.schoolId()).map(d -> d.getString("name")).orElse(null);
        return new TranscriptView(new TranscriptView.Teacher(teacher.teacherId(), teacher.name(), teacher.schoolId(),
                schoolName), year.name(), new TranscriptView.RuleSetRef(rules.id(), rules.version(), ruleSet.name()),
                lines, totals, scale(total), RequirementEvaluator.credits(ruleSet, total), scale(requiredContent),
                ruleSet.hoursPerCredit(), progress.requirements());
    }

    private static boolean required(RuleSet ruleSet, Document e) {
        Boolean stored = e.getBoolean("requiredContent");
        return stored != null ? stored
                : ruleSet.category(e.getString("category")).map(RuleSet.Category::countsAsRequired).orElse(false);
    }

    private static String nameZh(RuleSet ruleSet, String category) {
        return ruleSet.category(category).map(RuleSet.Category::nameZh).orElse(null);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }
}
