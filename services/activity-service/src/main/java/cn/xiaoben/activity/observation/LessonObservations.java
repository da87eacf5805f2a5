package cn.xiaoben.activity.observation;

import cn.xiaoben.activity.session.ObservationLinks;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Records lesson observations: validation, tenancy, and the observation with its event in one write. */
@Service
public class LessonObservations {

    static final String COLLECTION = "lesson_observations";
    private static final Set<Role> WRITERS = Set.of(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD, Role.TEACHER);

    private final MongoCollection<Document> observations;
    private final DirectoryReplica directory;
    private final EventOutbox outbox;
    private final Clock clock;

    private final ObservationLinks links;

    public LessonObservations(MongoDatabase database, DirectoryReplica directory, EventOutbox outbox, Clock clock,
                              ObservationLinks links) {
        this.observations = database.getCollection(COLLECTION);
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(observations);
        observations.createIndex(Indexes.ascending("schoolId", "observedAt"));
        observations.createIndex(Indexes.ascending("observerId"));
        observations.createIndex(Indexes.ascending("teacherId"));
        observations.createIndex(Indexes.ascending("sessionId"));
    }

    public IdempotentInserts.Outcome record(Caller caller, LessonObservationRequest request, String idempotencyKey) {
        requireSchoolWriter(caller);
        checkScores(request.scores());
        if (request.observerId().equals(request.teacherId())) {
            throw ApiProblem.invalidField("teacherId", "self-observation",
                    "A teacher cannot observe their own lesson: teacherId must differ from observerId.",
                    "教师不能听评自己的课：teacherId 不能与 observerId 相同。");
        }
        if (caller.has(Role.TEACHER) && !caller.hasAnyOf(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD)
                && !request.observerId().equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only record their own observations.", "教师只能登记本人的听课记录。");
        }
        TeacherRef observer = directory.teacherOfCallersSchool(caller, request.observerId(), "observerId");
        TeacherRef observed;
        if (request.sessionId() == null) {
            observed = directory.teacherOfCallersSchool(caller, request.teacherId(), "teacherId");
        } else {
            // a township or county open lesson / 同课异构: the teacher observed may teach at another school
            observed = directory.knownTeacher(request.teacherId(), "teacherId");
            links.requireLinkable(request.sessionId(), observer.teacherId(), observed.teacherId(),
                    request.observedAt());
        }

        String id = "obs-" + UUID.randomUUID();
        OffsetDateTime observedAt = PlatformTime.local(request.observedAt());
        Instant now = clock.instant();
        LessonObserved event = new LessonObserved(id, observer.districtId(), observer.townshipId(), observer.schoolId(),
                observer.teacherId(), observed.teacherId(), request.subject(), request.grade(), request.topic(),
                observedAt, request.durationMinutes(), Map.copyOf(request.scores()), request.comment(), now,
                request.sessionId());
        Document doc = new Document("_id", id)
                .append("districtId", observer.districtId()).append("townshipId", observer.townshipId())
                .append("schoolId", observer.schoolId())
                .append("observerId", observer.teacherId()).append("observerName", observer.name())
                .append("teacherId", observed.teacherId()).append("teacherName", observed.name())
                .append("subject", request.subject()).append("grade", request.grade()).append("topic", request.topic())
                .append("observedAt", observedAt.toString())
                .append("observedAtInstant", Date.from(request.observedAt().toInstant()))
                .append("durationMinutes", request.durationMinutes())
                .append("scores", new Document(new java.util.LinkedHashMap<>(request.scores())))
                .append("comment", request.comment())
                .append("sessionId", request.sessionId())
                .append("recordedAt", Date.from(now));
        return IdempotentInserts.insertWithEvents(outbox, observations, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    public LessonObservationView find(Caller caller, String id) {
        Document doc = observations.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Lesson observation", "听课记录", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        return LessonObservationView.of(doc);
    }

    public PageResponse<LessonObservationView> list(Caller caller, ObservationQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (query.schoolId() != null) {
            filters.add(Filters.eq("schoolId", query.schoolId()));
        }
        if (query.observerId() != null) {
            filters.add(Filters.eq("observerId", query.observerId()));
        }
        if (query.teacherId() != null) {
            filters.add(Filters.eq("teacherId", query.teacherId()));
        }
        if (query.subject() != null) {
            filters.add(Filters.eq("subject", query.subject()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("observedAtInstant", Date.from(query.from().toInstant())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("observedAtInstant", Date.from(query.to().toInstant())));
        }
        return PageResponse.query(observations, Filters.and(filters),
                query.newestFirst() ? Sorts.descending("observedAtInstant") : Sorts.ascending("observedAtInstant"),
                query.page(), query.size(), LessonObservationView::of);
    }

    private static void requireSchoolWriter(Caller caller) {
        if (caller.scope() != TenantScope.SCHOOL || caller.roles().stream().noneMatch(WRITERS::contains)) {
            throw ApiProblem.forbidden("Only a school (its system, staff or teachers) records its lesson observations.",
                    "只有学校（学校系统、管理人员或教师）可以登记本校的听课记录。");
        }
    }

    private static void checkScores(Map<String, Integer> scores) {
        List<FieldProblem> problems = new ArrayList<>();
        scores.keySet().stream().filter(k -> !RubricDimension.NAMES.contains(k)).sorted().forEach(k ->
                problems.add(new FieldProblem("scores." + k, "unknown-dimension",
                        "Unknown rubric dimension '" + k + "'; use " + RubricDimension.NAMES + ".",
                        "未知的评分维度“" + k + "”；可用维度：" + RubricDimension.NAMES + "。")));
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}
