package cn.xiaoben.activity.material;

import cn.xiaoben.activity.form.TeacherRecordFilters;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.contracts.activity.TeachingMaterialSubmitted;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Teaching materials (六个一: 一套完整教案, 一份试卷, courseware) a teacher submits with at least one attachment,
 * recorded by the teacher or the school's system or staff; stored with its {@link TeachingMaterialSubmitted} event in
 * one insert.
 */
@Service
public class TeachingMaterials {

    static final String COLLECTION = "teaching_materials";

    private final MongoCollection<Document> materials;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public TeachingMaterials(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                             EventOutbox outbox, Clock clock) {
        this.materials = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(materials);
        materials.createIndex(Indexes.ascending("schoolId", "submittedOn"));
        materials.createIndex(Indexes.ascending("teacherId", "submittedOn"));
    }

    public IdempotentInserts.Outcome submit(Caller caller, TeachingMaterialRequest request, String idempotencyKey) {
        FormRules.requireRecorder(caller, request.teacherId(), "teaching materials", "教学资料");
        FormRules.requireNotFuture(clock, "submittedOn", request.submittedOn());
        List<String> attachmentIds = FormRules.distinct(request.attachmentIds());
        if (attachmentIds.isEmpty()) {
            throw FormRules.evidenceRequired("attachmentIds",
                    "A teaching material needs at least one attachment (the lesson plans, the paper …); upload it first.",
                    "教学资料须至少附一个附件（教案、试卷等），请先上传。");
        }
        TeacherRef teacher = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");
        attachments.requireOwnedBySchool(teacher.schoolId(), attachmentIds, "attachmentIds");

        String id = "tmt-" + UUID.randomUUID();
        Instant now = clock.instant();
        TeachingMaterialSubmitted event = new TeachingMaterialSubmitted(id, teacher.districtId(),
                teacher.townshipId(), teacher.schoolId(), teacher.teacherId(), request.kind().name(), request.title(),
                request.subject(), request.grade(), request.submittedOn(), attachmentIds, now);
        Document doc = new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("kind", request.kind().name()).append("title", request.title())
                .append("subject", request.subject()).append("grade", request.grade())
                .append("submittedOn", request.submittedOn().toString())
                .append("attachmentIds", attachmentIds)
                .append("recordedBy", caller.subject()).append("recordedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, materials, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public TeachingMaterialView find(Caller caller, String id) {
        Document doc = materials.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Teaching material", "教学资料", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own teaching materials.", "教师只能查看本人的教学资料。");
        }
        return TeachingMaterialView.of(doc);
    }

    public PageResponse<TeachingMaterialView> list(Caller caller, String schoolId, String teacherId,
                                                   MaterialKind kind, String subject, LocalDate from, LocalDate to,
                                                   int page, int size) {
        List<Bson> filters = TeacherRecordFilters.of(caller, schoolId, teacherId, "submittedOn", from, to);
        if (kind != null) {
            filters.add(Filters.eq("kind", kind.name()));
        }
        if (subject != null) {
            filters.add(Filters.eq("subject", subject));
        }
        return PageResponse.query(materials, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("submittedOn"), Sorts.descending("recordedAt")), page, size,
                TeachingMaterialView::of);
    }

    /** The teacher's materials submitted in {@code [from, toExclusive)}. */
    List<Document> submittedBy(String teacherId, LocalDate from, LocalDate toExclusive) {
        return materials.find(TeacherRecordFilters.ofTeacher(teacherId, "submittedOn", from, toExclusive))
                .into(new ArrayList<>());
    }
}
