package cn.xiaoben.credit.account;

import cn.xiaoben.service.web.SchoolYearParameter;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a teacher's credit account, within the caller's reach (a teacher: only their own). */
@Service
public class CreditAccounts {

    private final CreditLedger ledger;
    private final DirectoryReplica directory;

    public CreditAccounts(CreditLedger ledger, DirectoryReplica directory) {
        this.ledger = ledger;
        this.directory = directory;
    }

    public CreditAccountView of(Caller caller, String teacherId, String year) {
        SchoolYearParameter.parseOptional(year);
        if (caller.has(Role.TEACHER) && caller.roles().size() == 1 && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own credits.", "教师只能查看本人的学时。");
        }
        TeacherRef teacher = directory.reachableTeacher(caller, teacherId);

        Map<String, YearBuilder> years = new LinkedHashMap<>();
        for (Document total : ledger.totalsOf(teacherId, year)) {
            Document key = total.get("_id", Document.class);
            years.computeIfAbsent(key.getString("schoolYear"), YearBuilder::new)
                    .add(key.getString("category"), CreditLedger.hours(total.get("hours")),
                            ((Number) total.get("entries")).intValue());
        }
        Map<String, String> voidedBy = new HashMap<>();
        List<Document> documents = ledger.entriesOf(teacherId, year);
        for (Document e : documents) {
            if (CreditLedger.REVOCATION.equals(e.getString("kind"))) {
                voidedBy.put(e.getString("voids"), e.getString("_id"));
            }
        }
        List<CreditAccountView.Entry> entries = new ArrayList<>();
        for (Document e : documents) {
            String id = e.getString("_id");
            entries.add(new CreditAccountView.Entry(id, e.getString("schoolYear"),
                    e.getString("category"), CreditLedger.hours(e.get("hours")), hours(e.get("requestedHours")),
                    e.getString("ruleId"), source(e), e.getString("schoolId"), e.getString("activityDate"),
                    instant(e.getDate("awardedAt")), e.getString("kind") == null ? CreditLedger.AWARD
                    : e.getString("kind"), voidedBy.containsKey(id), voidedBy.get(id), e.getString("voids"),
                    e.getString("role"), e.getString("ruleSetId"), e.getInteger("ruleSetVersion"),
                    e.getBoolean("requiredContent"), e.getInteger("revision"), e.getString("reason")));
        }
        List<CreditAccountView.Decline> declines = new ArrayList<>();
        for (Document d : ledger.declineListOf(teacherId, year)) {
            declines.add(new CreditAccountView.Decline(d.getString("_id"), d.getString("schoolYear"),
                    d.getString("reason"), d.getString("category"), d.getString("ruleId"), d.getString("ruleSetId"),
                    d.getInteger("ruleSetVersion"), hours(d.get("requestedHours")), source(d), d.getString("role"),
                    d.getString("activityDate"), instant(d.getDate("decidedAt")), d.getInteger("revision")));
        }
        return new CreditAccountView(teacherId, teacher.name(), teacher.schoolId(),
                years.values().stream().map(YearBuilder::build).toList(), entries, declines.size(), declines);
    }

    private static CreditAccountView.Source source(Document d) {
        Document source = d.get("source", Document.class);
        return source == null ? null : new CreditAccountView.Source(source.getString("type"), source.getString("id"),
                source.getString("eventId"), source.getString("role"));
    }

    private static BigDecimal hours(Object value) {
        return value == null ? null : CreditLedger.hours(value);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static final class YearBuilder {
        private final String schoolYear;
        private final Map<String, CreditAccountView.CategoryTotal> byCategory = new LinkedHashMap<>();
        private BigDecimal total = BigDecimal.ZERO;

        YearBuilder(String schoolYear) {
            this.schoolYear = schoolYear;
        }

        void add(String category, BigDecimal hours, int entries) {
            byCategory.put(category, new CreditAccountView.CategoryTotal(hours, entries));
            total = total.add(hours);
        }

        CreditAccountView.YearTotal build() {
            return new CreditAccountView.YearTotal(schoolYear, total, byCategory);
        }
    }
}
