package cn.xiaoben.activity.paper;

import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.contracts.activity.PaperRecorded;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.TenantScope;
import cn.xiaoben.service.web.PageResponse;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Papers and cases (论文 / 案例) published in a journal or awarded in an appraisal. Recorded by a teacher who is one of
 * the authors, or by the school's system or staff; every author must be a teacher of the caller's school. Stored with
 * its {@link PaperRecorded} event in one insert. Reads: a teacher sees the papers they co-authored, a school its
 * teachers', a township or the bureau everything in its scope.
 */
@Service
public class Papers {

    static final String COLLECTION = "papers";

    private final MongoCollection<Document> papers;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public Papers(MongoDatabase database, DirectoryReplica directory, Attachments attachments, EventOutbox outbox,
                  Clock clock) {
        this.papers = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(papers);
        papers.createIndex(Indexes.ascending("schoolId", "publishedOn"));
        papers.createIndex(Indexes.ascending("authorIds", "publishedOn"));
    }

    public IdempotentInserts.Outcome record(Caller caller, PaperRequest request, String idempotencyKey) {
        requireWriter(caller, request.authorIds());
        checkFields(request);
        List<TeacherRef> authors = new ArrayList<>();
        for (int i = 0; i < request.authorIds().size(); i++) {
            authors.add(directory.teacherOfCallersSchool(caller, request.authorIds().get(i), "authorIds[" + i + "]"));
        }
        TeacherRef main = authors.get(0);
        List<String> attachmentIds = request.attachmentIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.attachmentIds()));
        attachments.requireOwnedBySchool(main.schoolId(), attachmentIds, "attachmentIds");

        String id = "pap-" + UUID.randomUUID();
        Instant now = clock.instant();
        String grade = request.awardGrade() == null ? null : request.awardGrade().name();
        PaperRecorded event = new PaperRecorded(id, main.districtId(), main.townshipId(), main.schoolId(),
                main.teacherId(), request.authorIds(), request.title(), request.kind().name(),
                request.outlet().type().name(), request.outlet().name(), request.level().name(), grade,
                request.publishedOn(), attachmentIds, now);
        Document doc = new Document("_id", id)
                .append("districtId", main.districtId()).append("townshipId", main.townshipId())
                .append("schoolId", main.schoolId())
                .append("mainAuthorId", main.teacherId()).append("authorIds", request.authorIds())
                .append("authorNames", authors.stream().map(TeacherRef::name).toList())
                .append("title", request.title()).append("kind", request.kind().name())
                .append("outletType", request.outlet().type().name()).append("outletName", request.outlet().name())
                .append("level", request.level().name()).append("awardGrade", grade)
                .append("publishedOn", request.publishedOn().toString())
                .append("attachmentIds", attachmentIds)
                .append("recordedBy", caller.subject()).append("recordedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, papers, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public PaperView find(Caller caller, String id) {
        Document doc = papers.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Paper", "论文/案例", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getList("authorIds", String.class).contains(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read papers they co-authored.", "教师只能查看本人参与的论文/案例。");
        }
        return PaperView.of(doc);
    }

    public PageResponse<PaperView> list(Caller caller, PaperQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (FormRules.teacherOnly(caller)) {
            filters.add(Filters.eq("authorIds", caller.teacherId()));
        }
        if (query.schoolId() != null) {
            filters.add(Filters.eq("schoolId", query.schoolId()));
        }
        if (query.teacherId() != null) {
            filters.add(Filters.eq("authorIds", query.teacherId()));
        }
        if (query.level() != null) {
            filters.add(Filters.eq("level", query.level().name()));
        }
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind().name()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("publishedOn", query.from().toString()));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("publishedOn", query.to().toString()));
        }
        return PageResponse.query(papers, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("publishedOn"), Sorts.descending("recordedAt")),
                query.page(), query.size(), PaperView::of);
    }

    /** A school-scoped writer; a teacher only for papers they are an author of. */
    private static void requireWriter(Caller caller, List<String> authorIds) {
        boolean staff = FormRules.staff(caller);
        if (caller.scope() != TenantScope.SCHOOL || !(staff || caller.has(Role.TEACHER))) {
            throw ApiProblem.forbidden("Only a teacher, or their school's system or staff, records papers and cases.",
                    "只有教师本人或其学校的系统、管理人员可以登记论文和案例。");
        }
        if (!staff && !authorIds.contains(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only record papers and cases they are an author of.",
                    "教师只能登记本人参与撰写的论文和案例。");
        }
    }

    /** Rules across fields, all reported at once as 400 field problems. */
    private void checkFields(PaperRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.authorIds().size(); i++) {
            if (!seen.add(request.authorIds().get(i))) {
                problems.add(new FieldProblem("authorIds[" + i + "]", "Duplicate", "lists an author twice",
                        "作者重复"));
            }
        }
        OutletType outlet = request.outlet().type();
        if (outlet == OutletType.AWARD && request.awardGrade() == null) {
            problems.add(new FieldProblem("awardGrade", "NotNull",
                    "is required when outlet.type is AWARD (FIRST, SECOND, THIRD or EXCELLENCE)",
                    "获奖（outlet.type 为 AWARD）时必须填写获奖等级（一、二、三等奖或优秀奖）"));
        } else if (outlet == OutletType.JOURNAL && request.awardGrade() != null) {
            problems.add(new FieldProblem("awardGrade", "Null", "must be empty when outlet.type is JOURNAL",
                    "期刊发表（outlet.type 为 JOURNAL）时不能填写获奖等级"));
        }
        if (request.publishedOn().isAfter(FormRules.today(clock))) {
            problems.add(new FieldProblem("publishedOn", "PastOrPresent",
                    "must be a date in the past or in the present (China Standard Time)",
                    "需要是一个过去或现在的日期（北京时间）"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

}
