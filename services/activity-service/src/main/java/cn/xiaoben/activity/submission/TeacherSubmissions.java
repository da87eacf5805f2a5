package cn.xiaoben.activity.submission;

import cn.xiaoben.activity.form.FormRules;
import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.contracts.activity.ReadingNoteSubmitted;
import cn.xiaoben.contracts.activity.ReflectionSubmitted;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Teachers' written submissions: reflections (教学反思 / 教育叙事 / 案例分析) and reading notes (读书心得). Each is stored
 * with its event in one insert and published by the shared relay. A teacher submits their own; the school's system
 * or staff submit on behalf of a teacher of the school. Reads: a teacher sees their own, a school its teachers', a
 * township or the bureau everything in its scope.
 */
@Service
public class TeacherSubmissions {

    static final String REFLECTIONS = "reflections";
    static final String READING_NOTES = "reading_notes";

    private final MongoCollection<Document> reflections;
    private final MongoCollection<Document> readingNotes;
    private final DirectoryReplica directory;
    private final Attachments attachments;
    private final EventOutbox outbox;
    private final Clock clock;

    public TeacherSubmissions(MongoDatabase database, DirectoryReplica directory, Attachments attachments,
                              EventOutbox outbox, Clock clock) {
        this.reflections = database.getCollection(REFLECTIONS);
        this.readingNotes = database.getCollection(READING_NOTES);
        this.directory = directory;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        for (MongoCollection<Document> c : List.of(reflections, readingNotes)) {
            IdempotentInserts.ensureIndex(c);
            c.createIndex(Indexes.ascending("schoolId", "writtenOn"));
            c.createIndex(Indexes.ascending("teacherId", "writtenOn"));
        }
    }

    public IdempotentInserts.Outcome submitReflection(Caller caller, ReflectionRequest request, String idempotencyKey) {
        TeacherRef teacher = authorisedTeacher(caller, request.teacherId());
        FormRules.requireNotFuture(clock, "writtenOn", request.writtenOn());
        List<String> attachmentIds = checkedAttachments(teacher, request.attachmentIds());
        String id = "rfl-" + UUID.randomUUID();
        Instant now = clock.instant();
        int words = WordCount.of(request.text());
        ReflectionSubmitted event = new ReflectionSubmitted(id, teacher.districtId(), teacher.townshipId(),
                teacher.schoolId(), teacher.teacherId(), request.kind().name(), request.title(), words,
                request.writtenOn(), attachmentIds, now);
        Document doc = base(id, caller, teacher, request.kind().name(), request.title(), request.text(), words,
                request.writtenOn(), attachmentIds, now);
        return insert(reflections, doc, event, caller, idempotencyKey, request);
    }

    public IdempotentInserts.Outcome submitReadingNote(Caller caller, ReadingNoteRequest request, String idempotencyKey) {
        TeacherRef teacher = authorisedTeacher(caller, request.teacherId());
        FormRules.requireNotFuture(clock, "writtenOn", request.writtenOn());
        List<String> attachmentIds = checkedAttachments(teacher, request.attachmentIds());
        String id = "rdn-" + UUID.randomUUID();
        Instant now = clock.instant();
        int words = WordCount.of(request.text());
        ReadingNoteSubmitted event = new ReadingNoteSubmitted(id, teacher.districtId(), teacher.townshipId(),
                teacher.schoolId(), teacher.teacherId(), request.kind().name(), request.title(), request.bookTitle(),
                request.bookAuthor(), request.chapters(), words, request.writtenOn(), attachmentIds, now);
        Document doc = base(id, caller, teacher, request.kind().name(), request.title(), request.text(), words,
                request.writtenOn(), attachmentIds, now)
                .append("bookTitle", request.bookTitle()).append("bookAuthor", request.bookAuthor())
                .append("chapters", request.chapters());
        return insert(readingNotes, doc, event, caller, idempotencyKey, request);
    }

    public ReflectionView findReflection(Caller caller, String id) {
        return ReflectionView.of(reachable(caller, reflections, id, "Reflection", "反思"), true);
    }

    public ReadingNoteView findReadingNote(Caller caller, String id) {
        return ReadingNoteView.of(reachable(caller, readingNotes, id, "Reading note", "读书心得"), true);
    }

    public PageResponse<ReflectionView> listReflections(Caller caller, SubmissionQuery query) {
        return list(reflections, caller, query, d -> ReflectionView.of(d, false));
    }

    public PageResponse<ReadingNoteView> listReadingNotes(Caller caller, SubmissionQuery query) {
        return list(readingNotes, caller, query, d -> ReadingNoteView.of(d, false));
    }

    private IdempotentInserts.Outcome insert(MongoCollection<Document> collection, Document doc,
                                             cn.xiaoben.contracts.DomainEvent event, Caller caller,
                                             String idempotencyKey, Object request) {
        return IdempotentInserts.insertWithEvents(outbox, collection, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    private static Document base(String id, Caller caller, TeacherRef teacher, String kind, String title, String text,
                                 int words, LocalDate writtenOn, List<String> attachmentIds, Instant now) {
        return new Document("_id", id)
                .append("districtId", teacher.districtId()).append("townshipId", teacher.townshipId())
                .append("schoolId", teacher.schoolId())
                .append("teacherId", teacher.teacherId()).append("teacherName", teacher.name())
                .append("kind", kind).append("title", title).append("text", text).append("wordCount", words)
                .append("writtenOn", writtenOn.toString())
                .append("attachmentIds", attachmentIds)
                .append("submittedBy", caller.subject())
                .append("submittedAt", Date.from(now));
    }

    /** A school-scoped writer; a teacher only for themselves; the teacher must be known and of the caller's school. */
    private TeacherRef authorisedTeacher(Caller caller, String teacherId) {
        boolean staff = FormRules.staff(caller);
        if (caller.scope() != TenantScope.SCHOOL || !(staff || caller.has(Role.TEACHER))) {
            throw ApiProblem.forbidden("Only a teacher, or their school's system or staff, submits reflections and reading notes.",
                    "只有教师本人或其学校的系统、管理人员可以提交反思和读书心得。");
        }
        if (!staff && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only submit their own reflections and reading notes.",
                    "教师只能提交本人的反思和读书心得。");
        }
        return directory.teacherOfCallersSchool(caller, teacherId, "teacherId");
    }

    private List<String> checkedAttachments(TeacherRef teacher, List<String> ids) {
        List<String> distinct = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        attachments.requireOwnedBySchool(teacher.schoolId(), distinct, "attachmentIds");
        return distinct;
    }

    private static Document reachable(Caller caller, MongoCollection<Document> collection, String id, String what,
                                      String whatZh) {
        Document doc = collection.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound(what, whatZh, id);
        }
        TenancyGuard.requireReach(caller, SchoolRef.of(doc));
        if (FormRules.teacherOnly(caller) && !doc.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own submissions.", "教师只能查看本人提交的内容。");
        }
        return doc;
    }

    private static <T> PageResponse<T> list(MongoCollection<Document> collection, Caller caller, SubmissionQuery query,
                                            Function<Document, T> view) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (FormRules.teacherOnly(caller)) {
            filters.add(Filters.eq("teacherId", caller.teacherId()));
        }
        if (query.schoolId() != null) {
            filters.add(Filters.eq("schoolId", query.schoolId()));
        }
        if (query.teacherId() != null) {
            filters.add(Filters.eq("teacherId", query.teacherId()));
        }
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("writtenOn", query.from().toString()));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("writtenOn", query.to().toString()));
        }
        Bson order = query.newestFirst()
                ? Sorts.orderBy(Sorts.descending("writtenOn"), Sorts.descending("submittedAt"))
                : Sorts.orderBy(Sorts.ascending("writtenOn"), Sorts.ascending("submittedAt"));
        return PageResponse.query(collection, Filters.and(filters), order, query.page(), query.size(), view);
    }

}
