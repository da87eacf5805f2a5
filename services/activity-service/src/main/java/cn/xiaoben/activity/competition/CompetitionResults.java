package cn.xiaoben.activity.competition;

import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.form.TeacherRecordFilters;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.contracts.activity.CompetitionResultRecorded;
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
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Teachers' results in teaching competitions (优质课 / 基本功 / 教学能手 / 解题大赛). Recorded by the teacher themself or by
 * the school's system or staff for a teacher of the school; stored with its {@link CompetitionResultRecorded} event
 * in one insert. Reads scoped like other teacher records.
 */
@Service
public class CompetitionResults {

    static final String COLLECTION = "competition_results";

    private final MongoCollection<Document> results;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public CompetitionResults(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                              EventOutbox outbox, Clock clock) {
        this.results = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(results);
        results.createIndex(Indexes.ascending("schoolId", "heldOn"));
        results.createIndex(Indexes.ascending("teacherId", "heldOn"));
    }

    public IdempotentInserts.Outcome record(Caller caller, CompetitionResultRequest request, String idempotencyKey) {
        FormRules.requireRecorder(caller, request.teacherId(), "competition results", "比赛成绩");
        FormRules.requireNotFuture(clock, "heldOn", request.heldOn());
        TeacherRef teacher = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");
        List<String> attachmentIds = request.attachmentIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.attachmentIds()));
        attachments.requireOwnedBySchool(teacher.schoolId(), attachmentIds, "attachmentIds");

        String id = "cmp-" + UUID.randomUUID();
        Instant now = clock.instant();
        CompetitionResultRecorded event = new CompetitionResultRecorded(id, teacher.districtId(),
                teacher.townshipId(), teacher.schoolId(), teacher.teacherId(), request.competition(),
                request.kind().name(), request.level().name(), request.result().name(), request.heldOn(),
                attachmentIds, now);
        Document doc = new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("competition", request.competition()).append("kind", request.kind().name())
                .append("level", request.level().name()).append("result", request.result().name())
                .append("heldOn", request.heldOn().toString())
                .append("attachmentIds", attachmentIds)
                .append("recordedBy", caller.subject()).append("recordedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, results, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public CompetitionResultView find(Caller caller, String id) {
        Document doc = results.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Competition result", "比赛成绩", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own competition results.",
                    "教师只能查看本人的比赛成绩。");
        }
        return CompetitionResultView.of(doc);
    }

    public PageResponse<CompetitionResultView> list(Caller caller, String schoolId, String teacherId, ActivityLevel level,
                                                    CompetitionKind kind, LocalDate from, LocalDate to, int page,
                                                    int size) {
        List<Bson> filters = TeacherRecordFilters.of(caller, schoolId, teacherId, "heldOn", from, to);
        if (level != null) {
            filters.add(Filters.eq("level", level.name()));
        }
        if (kind != null) {
            filters.add(Filters.eq("kind", kind.name()));
        }
        return PageResponse.query(results, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("heldOn"), Sorts.descending("recordedAt")), page, size,
                CompetitionResultView::of);
    }

}
