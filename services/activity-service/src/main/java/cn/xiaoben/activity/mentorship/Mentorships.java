package cn.xiaoben.activity.mentorship;

import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.activity.MentorshipCheckpointRecorded;
import cn.xiaoben.contracts.activity.MentorshipFormed;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.TenantScope;
import cn.xiaoben.service.web.PageResponse;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
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
import java.util.List;
import java.util.UUID;

/**
 * Mentoring pairs (师徒结对 / 青蓝工程): formed by the school's system or admin for a school year, one pairing per
 * mentee and school year (a unique index, so two concurrent requests cannot both succeed); checkpoints appended by the
 * mentor, the mentee or the school's staff, each one update guarded by {@code version} carrying its event. Reads: the
 * mentor and the mentee their own pairings; staff in scope.
 */
@Service
public class Mentorships {

    static final String COLLECTION = "mentorships";

    private final MongoCollection<Document> mentorships;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public Mentorships(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                       EventOutbox outbox, Clock clock) {
        this.mentorships = database.getCollection(COLLECTION);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(mentorships);
        mentorships.createIndex(Indexes.ascending("menteeId", "schoolYear"), new IndexOptions().unique(true)
                .name("one_pairing_per_mentee_and_year"));
        mentorships.createIndex(Indexes.ascending("mentorId", "startedOn"));
        mentorships.createIndex(Indexes.ascending("schoolId", "startedOn"));
    }

    public IdempotentInserts.Outcome form(Caller caller, MentorshipRequest request, String idempotencyKey) {
        if (caller.scope() != TenantScope.SCHOOL || !caller.hasAnyOf(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN)) {
            throw ApiProblem.forbidden("Only the school's system or admin forms mentoring pairs.",
                    "只有学校的系统或管理员可以建立师徒结对。");
        }
        if (request.mentorId().equals(request.menteeId())) {
            throw ApiProblem.invalidField("menteeId", "same-as-mentor", "must be another teacher than the mentor",
                    "徒弟不能与师傅是同一位教师");
        }
        SchoolYear year = schoolYear(request.schoolYear());
        requireInside(year, "startedOn", request.startedOn());
        FormRules.requireNotFuture(clock, "startedOn", request.startedOn());
        TeacherRef mentor = directory.teacherOfCallersSchool(caller, request.mentorId(), "mentorId");
        TeacherRef mentee = directory.teacherOfCallersSchool(caller, request.menteeId(), "menteeId");

        String id = "mnt-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<String> goals = List.copyOf(request.goals());
        MentorshipFormed event = new MentorshipFormed(id, mentee.districtId(), mentee.townshipId(), mentee.schoolId(),
                mentor.teacherId(), mentee.teacherId(), year.name(), goals, request.startedOn(), now);
        Document doc = new Document("_id", id)
                .append("districtId", mentee.districtId()).append("townshipId", mentee.townshipId())
                .append("schoolId", mentee.schoolId())
                .append("mentorId", mentor.teacherId()).append("mentorName", mentor.name())
                .append("menteeId", mentee.teacherId()).append("menteeName", mentee.name())
                .append("schoolYear", year.name()).append("goals", goals)
                .append("startedOn", request.startedOn().toString())
                .append("checkpoints", List.of())
                .append("version", 1L)
                .append("formedBy", caller.subject()).append("formedAt", Date.from(now));
        try {
            return IdempotentInserts.insertWithEvents(outbox, mentorships, doc, caller.schoolId(), idempotencyKey,
                    request, event);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            throw ApiProblem.conflict("mentee-already-paired",
                    "Teacher " + mentee.teacherId() + " already has a mentor for " + year.name() + ".",
                    "教师 " + mentee.name() + "（" + mentee.teacherId() + "）在 " + year.name() + " 学年已有师傅。");
        }
    }

    public MentorshipView recordCheckpoint(Caller caller, String id, CheckpointRequest request) {
        Document current = reachable(caller, id);
        boolean party = caller.has(Role.TEACHER) && (caller.teacherId() != null)
                && (caller.teacherId().equals(current.getString("mentorId"))
                || caller.teacherId().equals(current.getString("menteeId")));
        if (caller.scope() != TenantScope.SCHOOL || !current.getString("schoolId").equals(caller.schoolId())
                || !(party || FormRules.staff(caller))) {
            throw ApiProblem.forbidden("Only the mentor, the mentee or their school's staff record checkpoints.",
                    "只有师傅、徒弟本人或其学校的管理人员可以记录结对活动。");
        }
        SchoolYear year = SchoolYear.tryParse(current.getString("schoolYear")).orElseThrow();
        requireInside(year, "on", request.on());
        LocalDate startedOn = LocalDate.parse(current.getString("startedOn"));
        if (request.on().isBefore(startedOn)) {
            throw FormRules.notBefore("on", "startedOn", startedOn);
        }
        FormRules.requireNotFuture(clock, "on", request.on());
        List<String> attachmentIds = FormRules.distinct(request.attachmentIds());
        attachments.requireOwnedBySchool(current.getString("schoolId"), attachmentIds, "attachmentIds");

        Instant now = clock.instant();
        long version = ((Number) current.get("version")).longValue();
        int number = current.getList("checkpoints", Document.class).size() + 1;
        MentorshipCheckpointRecorded event = new MentorshipCheckpointRecorded(id, current.getString("districtId"),
                current.getString("townshipId"), current.getString("schoolId"), current.getString("mentorId"),
                current.getString("menteeId"), year.name(), number, request.kind().name(), request.on(),
                attachmentIds, now);
        Document checkpoint = new Document("number", number).append("on", request.on().toString())
                .append("kind", request.kind().name()).append("note", request.note())
                .append("attachmentIds", attachmentIds).append("recordedBy", caller.subject())
                .append("recordedAt", Date.from(now));
        Document after = mentorships.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.combine(Updates.push("checkpoints", checkpoint), Updates.inc("version", 1L),
                        outbox.append(event)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiProblem.conflict("concurrent-update",
                    "The pairing was changed by someone else at the same time; reload it and retry.",
                    "该师徒结对同时被他人修改，请刷新后重试。");
        }
        outbox.publishSoon(COLLECTION, id);
        return MentorshipView.of(after);
    }

    public MentorshipView find(Caller caller, String id) {
        return MentorshipView.of(reachable(caller, id));
    }

    public PageResponse<MentorshipView> list(Caller caller, String schoolId, String teacherId, String schoolYear,
                                             LocalDate from, LocalDate to, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (FormRules.teacherOnly(caller)) {
            filters.add(involving(caller.teacherId()));
        }
        if (schoolId != null) {
            filters.add(Filters.eq("schoolId", schoolId));
        }
        if (teacherId != null) {
            filters.add(involving(teacherId));
        }
        if (schoolYear != null) {
            filters.add(Filters.eq("schoolYear", schoolYear(schoolYear).name()));
        }
        if (from != null) {
            filters.add(Filters.gte("startedOn", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lt("startedOn", to.toString()));
        }
        return PageResponse.query(mentorships, Filters.and(filters),
                Sorts.orderBy(Sorts.descending("startedOn"), Sorts.descending("formedAt")), page, size,
                MentorshipView::of);
    }

    /** The pairings the teacher is mentor or mentee of, started in {@code [from, toExclusive)}. */
    List<Document> involvingTeacher(String teacherId, LocalDate from, LocalDate toExclusive) {
        return mentorships.find(Filters.and(involving(teacherId), Filters.gte("startedOn", from.toString()),
                Filters.lt("startedOn", toExclusive.toString()))).into(new ArrayList<>());
    }

    private static Bson involving(String teacherId) {
        return Filters.or(Filters.eq("mentorId", teacherId), Filters.eq("menteeId", teacherId));
    }

    private Document reachable(Caller caller, String id) {
        Document doc = mentorships.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Mentoring pair", "师徒结对", id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !caller.teacherId().equals(doc.getString("mentorId"))
                && !caller.teacherId().equals(doc.getString("menteeId"))) {
            throw ApiProblem.forbidden("A teacher may only read the mentoring pairs they belong to.",
                    "教师只能查看本人参与的师徒结对。");
        }
        return doc;
    }

    private static SchoolYear schoolYear(String text) {
        return SchoolYear.tryParse(text).orElseThrow(() -> ApiProblem.invalidField("schoolYear",
                "invalid-school-year", "must be a school year such as 2026-2027 (1 September to 31 August)",
                "须为学年，如 2026-2027（9月1日至次年8月31日）"));
    }

    private static void requireInside(SchoolYear year, String field, LocalDate date) {
        if (date.isBefore(year.firstDay()) || !date.isBefore(year.endExclusive())) {
            throw ApiProblem.invalidField(field, "outside-school-year",
                    "must lie inside the school year " + year.name() + " (" + year.firstDay() + " to "
                            + year.endExclusive().minusDays(1) + ")",
                    "须在 " + year.name() + " 学年内（" + year.firstDay() + " 至 " + year.endExclusive().minusDays(1)
                            + "）");
        }
    }
}
