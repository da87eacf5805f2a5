package cn.xiaoben.activity.online;

import cn.xiaoben.activity.form.TeacherRecordFilters;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.contracts.activity.OnlineStudyRecorded;
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
import org.bson.types.Decimal128;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Teachers' online study (网络研修): recorded by the teacher themself or by the school's system or staff for a teacher
 * of the school, stored with its {@link OnlineStudyRecorded} event in one insert. Reads: a teacher their own; the
 * school its teachers'; township and bureau in scope.
 */
@Service
public class OnlineStudies {

    static final String COLLECTION = "online_studies";

    private final MongoCollection<Document> studies;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public OnlineStudies(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                         EventOutbox outbox, Clock clock) {
        this.studies = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(studies);
        studies.createIndex(Indexes.ascending("schoolId", "completedOn"));
        studies.createIndex(Indexes.ascending("teacherId", "completedOn"));
    }

    public IdempotentInserts.Outcome record(Caller caller, OnlineStudyRequest request, String idempotencyKey) {
        FormRules.requireRecorder(caller, request.teacherId(), "online study", "网络研修");
        FormRules.requireHalfHourSteps("hours", request.hours());
        FormRules.requireNotFuture(clock, "completedOn", request.completedOn());
        TeacherRef teacher = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");
        List<String> certificates = FormRules.distinct(request.certificateAttachmentIds());
        attachments.requireOwnedBySchool(teacher.schoolId(), certificates, "certificateAttachmentIds");

        String id = "ost-" + UUID.randomUUID();
        Instant now = clock.instant();
        OnlineStudyRecorded event = new OnlineStudyRecorded(id, teacher.districtId(), teacher.townshipId(),
                teacher.schoolId(), teacher.teacherId(), request.platform(), request.course(), request.hours(),
                request.completedOn(), certificates, now);
        Document doc = new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("platform", request.platform()).append("course", request.course())
                .append("hours", new Decimal128(request.hours()))
                .append("completedOn", request.completedOn().toString())
                .append("certificateAttachmentIds", certificates)
                .append("recordedBy", caller.subject()).append("recordedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, studies, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public OnlineStudyView find(Caller caller, String id) {
        Document doc = studies.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Online study", "网络研修记录", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own online study.", "教师只能查看本人的网络研修记录。");
        }
        return OnlineStudyView.of(doc);
    }

    public PageResponse<OnlineStudyView> list(Caller caller, String schoolId, String teacherId, String platform,
                                              LocalDate from, LocalDate to, int page, int size) {
        List<Bson> filters = TeacherRecordFilters.of(caller, schoolId, teacherId, "completedOn", from, to);
        if (platform != null) {
            filters.add(Filters.eq("platform", platform));
        }
        return PageResponse.query(studies, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("completedOn"), Sorts.descending("recordedAt")), page, size,
                OnlineStudyView::of);
    }

    /** The teacher's records completed in {@code [from, toExclusive)}. */
    List<Document> completedBy(String teacherId, LocalDate from, LocalDate toExclusive) {
        return studies.find(TeacherRecordFilters.ofTeacher(teacherId, "completedOn", from, toExclusive))
                .into(new ArrayList<>());
    }
}
