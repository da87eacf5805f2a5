package cn.xiaoben.activity.external;

import cn.xiaoben.activity.form.TeacherRecordFilters;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.contracts.activity.ExternalTrainingClaimed;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Claims for external training or observation (外出培训 / 外出听课): recorded by the teacher or the school's system or
 * staff, with at least one certificate, stored with its {@link ExternalTrainingClaimed} event in one insert. The
 * record's {@code approval} stays CLAIMED here: approval (and the hours it credits) belongs to the credit service.
 */
@Service
public class ExternalTrainings {

    static final String COLLECTION = "external_trainings";
    /** Levels outside the school's own township: 县/区级, 市级, 省级, 国家级 (国培). */
    static final Set<ActivityLevel> EXTERNAL_LEVELS = Set.of(ActivityLevel.COUNTY, ActivityLevel.CITY,
            ActivityLevel.PROVINCE, ActivityLevel.NATIONAL);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private final MongoCollection<Document> trainings;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public ExternalTrainings(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                             EventOutbox outbox, Clock clock) {
        this.trainings = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(trainings);
        trainings.createIndex(Indexes.ascending("schoolId", "startDate"));
        trainings.createIndex(Indexes.ascending("teacherId", "startDate"));
    }

    public IdempotentInserts.Outcome claim(Caller caller, ExternalTrainingRequest request, String idempotencyKey) {
        FormRules.requireRecorder(caller, request.teacherId(), "external training", "外出培训");
        if (!EXTERNAL_LEVELS.contains(request.level())) {
            throw ApiProblem.invalidField("level", "level-not-external",
                    "must be COUNTY, CITY, PROVINCE or NATIONAL: school and township activities are not external "
                            + "training", "须为 COUNTY（县/区级）、CITY（市级）、PROVINCE（省级）或 NATIONAL（国培）：校级、镇级活动不属于外出培训");
        }
        if (request.endDate().isBefore(request.startDate())) {
            throw FormRules.notBefore("endDate", "startDate", request.startDate());
        }
        FormRules.requireNotFuture(clock, "endDate", request.endDate());
        FormRules.requireHalfHourSteps("hours", request.hours());
        long days = ChronoUnit.DAYS.between(request.startDate(), request.endDate()) + 1;
        if (request.hours().compareTo(HOURS_PER_DAY.multiply(BigDecimal.valueOf(days))) > 0) {
            throw ApiProblem.invalidField("hours", "hours-exceed-days",
                    "must not exceed 24 hours per day of the training (" + days + " days)",
                    "不能超过培训天数（" + days + " 天）× 24 学时");
        }
        List<String> certificates = FormRules.distinct(request.certificateAttachmentIds());
        if (certificates.isEmpty()) {
            throw FormRules.evidenceRequired("certificateAttachmentIds",
                    "A claim for external training needs at least one certificate (upload it first).",
                    "外出培训申报须至少附一份证书或证明材料（请先上传）。");
        }
        TeacherRef teacher = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");
        attachments.requireOwnedBySchool(teacher.schoolId(), certificates, "certificateAttachmentIds");

        String id = "ext-" + UUID.randomUUID();
        Instant now = clock.instant();
        ExternalTrainingClaimed event = new ExternalTrainingClaimed(id, teacher.districtId(), teacher.townshipId(),
                teacher.schoolId(), teacher.teacherId(), request.kind().name(), request.title(), request.organizer(),
                request.level().name(), request.place(), request.startDate(), request.endDate(), request.hours(),
                certificates, now);
        Document doc = new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("kind", request.kind().name()).append("title", request.title())
                .append("organizer", request.organizer()).append("level", request.level().name())
                .append("place", request.place())
                .append("startDate", request.startDate().toString()).append("endDate", request.endDate().toString())
                .append("hours", new Decimal128(request.hours()))
                .append("certificateAttachmentIds", certificates)
                .append("approval", Approval.CLAIMED.name())
                .append("claimedBy", caller.subject()).append("claimedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, trainings, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public ExternalTrainingView find(Caller caller, String id) {
        Document doc = trainings.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("External training", "外出培训记录", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own external training claims.",
                    "教师只能查看本人的外出培训记录。");
        }
        return ExternalTrainingView.of(doc);
    }

    public PageResponse<ExternalTrainingView> list(Caller caller, String schoolId, String teacherId,
                                                   ExternalTrainingKind kind, ActivityLevel level, LocalDate from,
                                                   LocalDate to, int page, int size) {
        List<Bson> filters = TeacherRecordFilters.of(caller, schoolId, teacherId, "startDate", from, to);
        if (kind != null) {
            filters.add(Filters.eq("kind", kind.name()));
        }
        if (level != null) {
            filters.add(Filters.eq("level", level.name()));
        }
        return PageResponse.query(trainings, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("startDate"), Sorts.descending("claimedAt")), page, size,
                ExternalTrainingView::of);
    }

    /** The teacher's claims starting in {@code [from, toExclusive)}. */
    List<Document> startedBy(String teacherId, LocalDate from, LocalDate toExclusive) {
        return trainings.find(TeacherRecordFilters.ofTeacher(teacherId, "startDate", from, toExclusive))
                .into(new ArrayList<>());
    }
}
