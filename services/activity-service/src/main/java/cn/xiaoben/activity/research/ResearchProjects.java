package cn.xiaoben.activity.research;

import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.contracts.activity.ResearchProjectAdvanced;
import cn.xiaoben.contracts.activity.ResearchProjectRegistered;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.TenantScope;
import cn.xiaoben.service.web.PageResponse;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Research projects (课题研究) of a school: registered at application (申报) and moved strictly in order through
 * 立项, 开题, 中期 and 结题. Each write is one single-document write carrying its event (registration: an insert;
 * a stage change: one update guarded by {@code version}). The school's system or staff write; reads follow tenancy,
 * and a teacher's own token sees the projects they lead or take part in.
 */
@Service
public class ResearchProjects {

    static final String COLLECTION = "research_projects";

    private final MongoCollection<Document> projects;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public ResearchProjects(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                            EventOutbox outbox, Clock clock) {
        this.projects = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(projects);
        projects.createIndex(Indexes.ascending("schoolId", "appliedOn"));
        projects.createIndex(Indexes.ascending("leaderId"));
        projects.createIndex(Indexes.ascending("memberIds"));
    }

    public IdempotentInserts.Outcome register(Caller caller, ResearchProjectRequest request, String idempotencyKey) {
        requireSchoolStaff(caller);
        TeacherRef leader = directory.teacherOfCallersSchool(caller, request.leaderId(), "leaderId");
        List<String> memberIds = new ArrayList<>(new LinkedHashSet<>(
                request.memberIds() == null ? List.of() : request.memberIds()));
        memberIds.remove(leader.teacherId());
        for (String memberId : memberIds) {
            directory.teacherOfCallersSchool(caller, memberId, "memberIds");
        }
        FormRules.requireNotFuture(clock, "appliedOn", request.appliedOn());
        String id = "rsp-" + UUID.randomUUID();
        Instant now = clock.instant();
        ResearchProjectRegistered event = new ResearchProjectRegistered(id, leader.districtId(), leader.townshipId(),
                leader.schoolId(), request.title(), request.level().name(), request.subject(), leader.teacherId(),
                List.copyOf(memberIds), ResearchStage.APPLIED.name(), request.appliedOn(), now);
        Document doc = new Document("_id", id)
                .append("districtId", leader.districtId()).append("townshipId", leader.townshipId())
                .append("schoolId", leader.schoolId())
                .append("title", request.title()).append("level", request.level().name())
                .append("subject", request.subject())
                .append("leaderId", leader.teacherId()).append("leaderName", leader.name())
                .append("memberIds", memberIds)
                .append("stage", ResearchStage.APPLIED.name()).append("stageOn", request.appliedOn().toString())
                .append("appliedOn", request.appliedOn().toString())
                .append("stages", List.of(stageEntry(ResearchStage.APPLIED, request.appliedOn(), null, List.of(),
                        caller, now)))
                .append("version", 1L)
                .append("registeredBy", caller.subject()).append("registeredAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, projects, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public ResearchProjectView advance(Caller caller, String id, StageChangeRequest request) {
        requireSchoolStaff(caller);
        Document current = reachable(caller, id);
        if (!current.getString("schoolId").equals(caller.schoolId())) {
            throw ApiProblem.forbidden("Only the project's own school changes its stages.", "只有课题所属学校可以变更课题阶段。");
        }
        ResearchStage from = ResearchStage.valueOf(current.getString("stage"));
        ResearchStage expected = from.next();
        if (request.stage() != expected) {
            throw expected == null
                    ? ApiProblem.conflict("stage-out-of-order",
                    "The project is already CONCLUDED (结题); no stage follows.",
                    "课题已结题（CONCLUDED），没有后续阶段。")
                    : ApiProblem.conflict("stage-out-of-order",
                    "The project is at " + from + "; the next stage must be " + expected + ", not "
                            + request.stage() + ".",
                    "课题当前处于" + from.zh() + "（" + from + "）阶段，下一阶段应为" + expected.zh() + "（" + expected
                            + "），不能是" + request.stage().zh() + "（" + request.stage() + "）。");
        }
        LocalDate previousOn = LocalDate.parse(current.getString("stageOn"));
        if (request.on().isBefore(previousOn)) {
            throw ApiProblem.invalidField("on", "NotBeforePreviousStage",
                    "must not be before the date of the previous stage (" + previousOn + ")",
                    "不能早于上一阶段的日期（" + previousOn + "）");
        }
        FormRules.requireNotFuture(clock, "on", request.on());
        List<String> attachmentIds = request.attachmentIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.attachmentIds()));
        attachments.requireOwnedBySchool(current.getString("schoolId"), attachmentIds, "attachmentIds");

        Instant now = clock.instant();
        long version = ((Number) current.get("version")).longValue();
        List<String> memberIds = current.getList("memberIds", String.class);
        ResearchProjectAdvanced event = new ResearchProjectAdvanced(id, current.getString("districtId"),
                current.getString("townshipId"), current.getString("schoolId"), current.getString("leaderId"),
                List.copyOf(memberIds), current.getString("level"), from.name(), expected.name(), request.on(), now);
        Document after = projects.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version), Filters.eq("stage", from.name())),
                Updates.combine(
                        Updates.set("stage", expected.name()),
                        Updates.set("stageOn", request.on().toString()),
                        Updates.push("stages", stageEntry(expected, request.on(), request.note(), attachmentIds,
                                caller, now)),
                        Updates.inc("version", 1L),
                        outbox.append(event)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiProblem.conflict("concurrent-update",
                    "The project was changed by someone else at the same time; reload it and retry.",
                    "该课题同时被他人修改，请刷新后重试。");
        }
        outbox.publishSoon(COLLECTION, id);
        return ResearchProjectView.of(after);
    }

    public ResearchProjectView find(Caller caller, String id) {
        return ResearchProjectView.of(reachable(caller, id));
    }

    public PageResponse<ResearchProjectView> list(Caller caller, ResearchProjectQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (FormRules.teacherOnly(caller)) {
            filters.add(involving(caller.teacherId()));
        }
        if (query.schoolId() != null) {
            filters.add(Filters.eq("schoolId", query.schoolId()));
        }
        if (query.stage() != null) {
            filters.add(Filters.eq("stage", query.stage().name()));
        }
        if (query.level() != null) {
            filters.add(Filters.eq("level", query.level().name()));
        }
        if (query.teacherId() != null) {
            filters.add(involving(query.teacherId()));
        }
        return PageResponse.query(projects, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("appliedOn"), Sorts.descending("registeredAt")),
                query.page(), query.size(), ResearchProjectView::of);
    }

    private static Bson involving(String teacherId) {
        return Filters.or(Filters.eq("leaderId", teacherId), Filters.eq("memberIds", teacherId));
    }

    private Document reachable(Caller caller, String id) {
        Document doc = projects.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Research project", "课题", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !caller.teacherId().equals(doc.getString("leaderId"))
                && !doc.getList("memberIds", String.class).contains(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read the research projects they take part in.",
                    "教师只能查看本人参与的课题。");
        }
        return doc;
    }

    private static void requireSchoolStaff(Caller caller) {
        if (caller.scope() != TenantScope.SCHOOL || !FormRules.staff(caller)) {
            throw ApiProblem.forbidden("Only the school's system or staff register and advance research projects.",
                    "只有学校的系统或管理人员可以登记课题并变更其阶段。");
        }
    }

    private static Document stageEntry(ResearchStage stage, LocalDate on, String note, List<String> attachmentIds,
                                       Caller caller, Instant now) {
        return new Document("stage", stage.name()).append("on", on.toString()).append("note", note)
                .append("attachmentIds", attachmentIds).append("recordedBy", caller.subject())
                .append("recordedAt", Date.from(now));
    }

}
