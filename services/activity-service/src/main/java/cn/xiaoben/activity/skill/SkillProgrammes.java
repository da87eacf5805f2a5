package cn.xiaoben.activity.skill;

import cn.xiaoben.activity.form.TeacherRecordFilters;
import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.contracts.activity.SkillModuleCompleted;
import cn.xiaoben.contracts.activity.SkillProgrammeCompleted;
import cn.xiaoben.contracts.activity.SkillProgrammeEnrolled;
import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
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
import org.bson.types.Decimal128;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Teachers' skill programmes (信息技术应用能力提升工程2.0 etc.): an enrolment with its modules, each module completed
 * once, then one final result once every module is complete. The teacher or the school's system or staff write;
 * every change is one single-document write carrying its event (enrolment: an insert; completion and result: one
 * update guarded by {@code version}). Reads: a teacher their own; staff in scope.
 */
@Service
public class SkillProgrammes {

    static final String COLLECTION = "skill_programmes";

    private final MongoCollection<Document> programmes;
    private final DirectoryReplica directory;
    private final EventOutbox outbox;
    private final Clock clock;

    public SkillProgrammes(MongoDatabase database, DirectoryReplica directory, EventOutbox outbox, Clock clock) {
        this.programmes = database.getCollection(COLLECTION);
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(programmes);
        programmes.createIndex(Indexes.ascending("schoolId", "enrolledOn"));
        programmes.createIndex(Indexes.ascending("teacherId", "statusOn"));
    }

    public IdempotentInserts.Outcome enrol(Caller caller, SkillProgrammeRequest request, String idempotencyKey) {
        FormRules.requireRecorder(caller, request.teacherId(), "skill programmes", "能力提升项目");
        Set<String> seen = new HashSet<>();
        List<FieldProblem> duplicates = new ArrayList<>();
        for (int i = 0; i < request.modules().size(); i++) {
            String name = request.modules().get(i).strip();
            if (!seen.add(name)) {
                duplicates.add(new FieldProblem("modules[" + i + "]", "duplicate-module",
                        "Module '" + name + "' is listed twice.", "模块“" + name + "”重复。"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw ApiProblem.invalid(duplicates);
        }
        FormRules.requireNotFuture(clock, "enrolledOn", request.enrolledOn());
        TeacherRef teacher = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");

        String id = "skp-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<String> names = request.modules().stream().map(String::strip).toList();
        List<Document> modules = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            modules.add(new Document("number", i + 1).append("name", names.get(i)).append("completedOn", null));
        }
        SkillProgrammeEnrolled event = new SkillProgrammeEnrolled(id, teacher.districtId(), teacher.townshipId(),
                teacher.schoolId(), teacher.teacherId(), request.programme(), request.level().name(), names,
                request.enrolledOn(), now);
        Document doc = new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("programme", request.programme()).append("level", request.level().name())
                .append("modules", modules)
                .append("enrolledOn", request.enrolledOn().toString())
                .append("status", SkillStatus.ENROLLED.name())
                .append("statusOn", request.enrolledOn().toString())
                .append("version", 1L)
                .append("enrolledBy", caller.subject()).append("enrolledAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, programmes, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    /**
     * Completes one module, named by its exact name or by its number (from 1): 404 for an unknown module, 409
     * {@code module-already-completed} for a completed one.
     */
    public SkillProgrammeView completeModule(Caller caller, String id, String module, ModuleCompletionRequest request) {
        Document current = writable(caller, id);
        List<Document> modules = current.getList("modules", Document.class);
        int index = moduleIndex(modules, module);
        if (index < 0) {
            throw ApiProblem.notFound("Module", "模块", module + " (of skill programme " + id + ")");
        }
        Document target = modules.get(index);
        String name = target.getString("name");
        if (target.getString("completedOn") != null) {
            throw ApiProblem.conflict("module-already-completed",
                    "Module '" + name + "' was already completed on " + target.getString("completedOn") + ".",
                    "模块“" + name + "”已于 " + target.getString("completedOn") + " 完成。");
        }
        LocalDate enrolledOn = LocalDate.parse(current.getString("enrolledOn"));
        if (request.on().isBefore(enrolledOn)) {
            throw FormRules.notBefore("on", "enrolledOn", enrolledOn);
        }
        FormRules.requireNotFuture(clock, "on", request.on());

        Instant now = clock.instant();
        int completed = (int) modules.stream().filter(m -> m.getString("completedOn") != null).count() + 1;
        SkillModuleCompleted event = new SkillModuleCompleted(id, current.getString("districtId"),
                current.getString("townshipId"), current.getString("schoolId"), current.getString("teacherId"),
                current.getString("programme"), name, index + 1, request.on(), completed, modules.size(), now);
        return update(current, Updates.combine(
                Updates.set("modules." + index + ".completedOn", request.on().toString()),
                Updates.set("modules." + index + ".completedBy", caller.subject()),
                Updates.set("modules." + index + ".completedAt", Date.from(now))), event);
    }

    /** Records the final result once every module is complete: 409 {@code modules-incomplete} listing the others. */
    public SkillProgrammeView recordResult(Caller caller, String id, ProgrammeResultRequest request) {
        Document current = writable(caller, id);
        if (!SkillStatus.ENROLLED.name().equals(current.getString("status"))) {
            throw ApiProblem.conflict("result-already-recorded",
                    "The programme's result was already recorded (" + current.getString("status") + ").",
                    "该项目的结果已登记（" + current.getString("status") + "）。");
        }
        List<Document> modules = current.getList("modules", Document.class);
        List<FieldProblem> incomplete = new ArrayList<>();
        List<String> names = new ArrayList<>();
        LocalDate lastCompleted = LocalDate.parse(current.getString("enrolledOn"));
        for (int i = 0; i < modules.size(); i++) {
            String on = modules.get(i).getString("completedOn");
            String name = modules.get(i).getString("name");
            if (on == null) {
                names.add(name);
                incomplete.add(new FieldProblem("modules[" + i + "]", "module-incomplete",
                        "Module '" + name + "' is not completed.", "模块“" + name + "”尚未完成。"));
            } else if (LocalDate.parse(on).isAfter(lastCompleted)) {
                lastCompleted = LocalDate.parse(on);
            }
        }
        if (!incomplete.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "modules-incomplete",
                    "A result needs every module completed; still open: " + String.join(", ", names) + ".",
                    "须完成全部模块后才能登记结果；未完成：" + String.join("、", names) + "。", incomplete);
        }
        if (request.on().isBefore(lastCompleted)) {
            throw ApiProblem.invalidField("on", "NotBeforeLastModule",
                    "must not be before the last module's completion (" + lastCompleted + ")",
                    "不能早于最后一个模块的完成日期（" + lastCompleted + "）");
        }
        FormRules.requireNotFuture(clock, "on", request.on());

        Instant now = clock.instant();
        SkillStatus status = request.passed() ? SkillStatus.PASSED : SkillStatus.FAILED;
        SkillProgrammeCompleted event = new SkillProgrammeCompleted(id, current.getString("districtId"),
                current.getString("townshipId"), current.getString("schoolId"), current.getString("teacherId"),
                current.getString("programme"), current.getString("level"), status.name(), request.score(),
                modules.size(), request.on(), now);
        return update(current, Updates.combine(
                Updates.set("status", status.name()),
                Updates.set("statusOn", request.on().toString()),
                Updates.set("resultOn", request.on().toString()),
                Updates.set("score", request.score() == null ? null : new Decimal128(request.score())),
                Updates.set("resultBy", caller.subject()),
                Updates.set("resultAt", Date.from(now))), event);
    }

    public SkillProgrammeView find(Caller caller, String id) {
        return SkillProgrammeView.of(reachable(caller, id));
    }

    public PageResponse<SkillProgrammeView> list(Caller caller, String schoolId, String teacherId,
                                                 ActivityLevel level, SkillStatus status, LocalDate from,
                                                 LocalDate to, int page, int size) {
        List<Bson> filters = TeacherRecordFilters.of(caller, schoolId, teacherId, "enrolledOn", from, to);
        if (level != null) {
            filters.add(Filters.eq("level", level.name()));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        return PageResponse.query(programmes, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("enrolledOn"), Sorts.descending("enrolledAt")), page, size,
                SkillProgrammeView::of);
    }

    /** The teacher's programmes whose current status dates (enrolment, or the result) fall in the range. */
    List<Document> ofTeacher(String teacherId, LocalDate from, LocalDate toExclusive) {
        return programmes.find(TeacherRecordFilters.ofTeacher(teacherId, "statusOn", from, toExclusive))
                .into(new ArrayList<>());
    }

    private SkillProgrammeView update(Document current, Bson changes, DomainEvent event) {
        String id = current.getString("_id");
        long version = ((Number) current.get("version")).longValue();
        Document after = programmes.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.combine(changes, Updates.inc("version", 1L), outbox.append(event)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiProblem.conflict("concurrent-update",
                    "The programme was changed by someone else at the same time; reload it and retry.",
                    "该项目同时被他人修改，请刷新后重试。");
        }
        outbox.publishSoon(COLLECTION, id);
        return SkillProgrammeView.of(after);
    }

    private static int moduleIndex(List<Document> modules, String module) {
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).getString("name").equals(module)) {
                return i;
            }
        }
        if (module.matches("[1-9][0-9]{0,2}")) {
            int number = Integer.parseInt(module);
            return number <= modules.size() ? number - 1 : -1;
        }
        return -1;
    }

    private Document reachable(Caller caller, String id) {
        Document doc = programmes.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Skill programme", "能力提升项目", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own skill programmes.",
                    "教师只能查看本人的能力提升项目。");
        }
        return doc;
    }

    /** The programme, if the caller writes it: the teacher themself or their school's system or staff. */
    private Document writable(Caller caller, String id) {
        Document doc = reachable(caller, id);
        if (caller.scope() != TenantScope.SCHOOL || !doc.getString("schoolId").equals(caller.schoolId())
                || !(FormRules.staff(caller) || doc.getString("teacherId").equals(caller.teacherId()))) {
            throw ApiProblem.forbidden("Only the teacher, or their school's system or staff, updates a skill programme.",
                    "只有教师本人或其学校的系统、管理人员可以更新能力提升项目。");
        }
        return doc;
    }
}
