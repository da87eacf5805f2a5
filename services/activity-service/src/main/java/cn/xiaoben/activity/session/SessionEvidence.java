package cn.xiaoben.activity.session;

import cn.xiaoben.activity.attachment.Attachments;
import cn.xiaoben.activity.observation.RubricDimension;
import cn.xiaoben.activity.submission.WordCount;
import cn.xiaoben.contracts.activity.LessonPlanRevised;
import cn.xiaoben.contracts.activity.SessionMinutesRecorded;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence each form keeps besides attendance, every change one version-guarded update of the session document
 * with its event ({@link Sessions#mutate}):
 *
 * <ul>
 * <li>COLLECTIVE_PREPARATION: the lesson plan's numbered revisions (1 = 初稿, then 修改稿 …), each an attachment of the
 * main preparer's school ({@code LessonPlanRevised}); the main preparer's reflection after teaching it, linked once
 * the session is held (an existing reflection of theirs written on or after the session's date).</li>
 * <li>Every form, once held: minutes (纪要 / 观点交流) as versions, older ones kept ({@code SessionMinutesRecorded}:
 * word count, not the text).</li>
 * <li>SAME_LESSON_DIFFERENT_DESIGNS and OPEN_LESSON: the comparison of the lesson observations linked to it
 * (同课异构 对比), per teaching teacher.</li>
 * </ul>
 */
@Service
public class SessionEvidence {

    static final String OBSERVATIONS = "lesson_observations";
    static final String REFLECTIONS = "reflections";

    private final Sessions sessions;
    private final Attachments attachments;
    private final MongoCollection<Document> observations;
    private final MongoCollection<Document> reflections;

    public SessionEvidence(Sessions sessions, Attachments attachments, MongoDatabase database) {
        this.sessions = sessions;
        this.attachments = attachments;
        this.observations = database.getCollection(OBSERVATIONS);
        this.reflections = database.getCollection(REFLECTIONS);
    }

    // ---------------------------------------------------------------- collective preparation

    public Document reviseLessonPlan(Caller caller, String id, SessionRequests.LessonPlanRevision request) {
        Document current = sessions.load(id);
        requirePreparation(caller, current);
        SchoolRef preparerSchool = schoolOfTeacher(current, current.getString("mainPreparerId"));
        requireAttachments(preparerSchool.schoolId(), List.of(request.attachmentId()), "attachmentId", true);
        return sessions.mutate(id, doc -> {
            requirePreparation(caller, doc);
            if (Sessions.status(doc) == SessionStatus.CANCELLED) {
                throw ApiProblem.conflict("session-cancelled", "The session was cancelled.", "该活动已取消。");
            }
            Instant now = sessions.clock().instant();
            List<Document> plan = new ArrayList<>(doc.getList("lessonPlan", Document.class, List.of()));
            int revision = plan.size() + 1;
            String by = by(caller);
            plan.add(new Document("revision", revision).append("attachmentId", request.attachmentId())
                    .append("note", request.note()).append("revisedBy", by).append("revisedAt", Date.from(now)));
            String mainPreparerId = doc.getString("mainPreparerId");
            return new Sessions.Change(List.of(Updates.set("lessonPlan", plan)),
                    List.of(new LessonPlanRevised(id, preparerSchool.districtId(), preparerSchool.townshipId(),
                            preparerSchool.schoolId(), mainPreparerId, doc.getString("hostId"), doc.getString("level"),
                            LocalDate.parse(doc.getString("date")), revision, request.attachmentId(), request.note(),
                            by, now)));
        });
    }

    public Document linkReflection(Caller caller, String id, SessionRequests.ReflectionLink request) {
        Document current = sessions.load(id);
        requirePreparation(caller, current);
        Document reflection = reflections.find(Filters.eq("_id", request.reflectionId())).first();
        if (reflection == null) {
            throw ApiProblem.unprocessable("reflection-unknown", "reflectionId",
                    "Reflection " + request.reflectionId() + " does not exist; submit it first.",
                    "反思 " + request.reflectionId() + " 不存在，请先提交。");
        }
        String mainPreparerId = current.getString("mainPreparerId");
        if (!mainPreparerId.equals(reflection.getString("teacherId"))) {
            throw ApiProblem.unprocessable("reflection-not-main-preparer", "reflectionId",
                    "Reflection " + request.reflectionId() + " was not written by the main preparer "
                            + mainPreparerId + ".",
                    "反思 " + request.reflectionId() + " 不是主备人 " + mainPreparerId + " 撰写的。");
        }
        if (reflection.getString("writtenOn").compareTo(current.getString("date")) < 0) {
            throw ApiProblem.unprocessable("reflection-before-session", "reflectionId",
                    "Reflection " + request.reflectionId() + " was written before the session ("
                            + current.getString("date") + "); link the reflection written after teaching the lesson.",
                    "反思 " + request.reflectionId() + " 写于活动（" + current.getString("date")
                            + "）之前；请关联上课之后撰写的教学反思。");
        }
        Document already = current.get("postLessonReflection", Document.class);
        if (already != null && already.getString("reflectionId").equals(request.reflectionId())) {
            return current; // linking the same reflection again changes nothing
        }
        return sessions.mutate(id, doc -> {
            requirePreparation(caller, doc);
            if (Sessions.status(doc) != SessionStatus.HELD) {
                throw ApiProblem.conflict("session-" + doc.getString("status").toLowerCase(),
                        "The reflection after teaching is linked once the session is held.",
                        "教学反思须在活动举行之后关联。");
            }
            Document linked = doc.get("postLessonReflection", Document.class);
            if (linked != null) {
                throw ApiProblem.conflict("reflection-already-linked",
                        "Reflection " + linked.getString("reflectionId") + " is already linked to this session.",
                        "本次活动已关联反思 " + linked.getString("reflectionId") + "。");
            }
            return new Sessions.Change(List.of(Updates.set("postLessonReflection",
                    new Document("reflectionId", request.reflectionId()).append("title", reflection.getString("title"))
                            .append("writtenOn", reflection.getString("writtenOn")).append("linkedBy", by(caller))
                            .append("linkedAt", Date.from(sessions.clock().instant())))), List.of());
        });
    }

    private static void requirePreparation(Caller caller, Document doc) {
        SessionAccess.requireHostOr(caller, doc, doc.getString("mainPreparerId"));
        requireForm(doc, Set.of(SessionForm.COLLECTIVE_PREPARATION));
    }

    // ---------------------------------------------------------------- minutes

    public Document recordMinutes(Caller caller, String id, SessionRequests.Minutes request) {
        Document current = sessions.load(id);
        SessionAccess.requireHost(caller, current);
        List<String> attachmentIds = request.attachmentIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.attachmentIds()));
        requireAttachments(current.getString("schoolId"), attachmentIds, "attachmentIds", false);
        int words = WordCount.of(request.text());
        return sessions.mutate(id, doc -> {
            SessionAccess.requireHost(caller, doc);
            if (Sessions.status(doc) != SessionStatus.HELD) {
                throw ApiProblem.conflict("session-" + doc.getString("status").toLowerCase(),
                        "Minutes are recorded once the session is held.", "活动举行之后才能记录纪要。");
            }
            Instant now = sessions.clock().instant();
            int version = doc.getList("minutes", Document.class, List.of()).size() + 1;
            String by = by(caller);
            Document minutes = new Document("version", version).append("text", request.text())
                    .append("wordCount", words).append("attachmentIds", attachmentIds).append("recordedBy", by)
                    .append("recordedAt", Date.from(now));
            return new Sessions.Change(List.of(Updates.push("minutes", minutes)),
                    List.of(new SessionMinutesRecorded(id, doc.getString("districtId"), doc.getString("townshipId"),
                            doc.getString("schoolId"), doc.getString("form"), doc.getString("level"),
                            doc.getString("hostId"), LocalDate.parse(doc.getString("date")), version, words,
                            attachmentIds, by, now)));
        });
    }

    // ---------------------------------------------------------------- 同课异构 comparison

    /** Per teaching teacher: the linked observations and their rubric averages (0–100, one decimal). */
    public Comparison comparison(Caller caller, String id) {
        Document doc = sessions.find(caller, id);
        requireForm(doc, ObservationLinks.LINKABLE);
        Map<String, String> names = new LinkedHashMap<>();
        Sessions.participantDocs(doc).forEach(p -> names.put(p.getString("teacherId"), p.getString("name")));
        names.put(doc.getString("hostId"), doc.getString("hostName"));
        Map<String, List<Document>> byTeacher = new LinkedHashMap<>();
        List<String> teaching = doc.getList("teachingTeacherIds", String.class, List.of());
        teaching.forEach(t -> byTeacher.put(t, new ArrayList<>()));
        for (Document o : observations.find(Filters.eq("sessionId", id))) {
            List<Document> list = byTeacher.get(o.getString("teacherId"));
            if (list != null) {
                list.add(o);
            }
        }
        List<Comparison.Teacher> teachers = new ArrayList<>();
        byTeacher.forEach((teacherId, list) -> {
            Map<String, Double> averages = new LinkedHashMap<>();
            double sum = 0;
            int n = 0;
            for (RubricDimension dimension : RubricDimension.values()) {
                double total = 0;
                int count = 0;
                for (Document o : list) {
                    Object score = o.get("scores", Document.class).get(dimension.name());
                    if (score instanceof Number number) {
                        total += number.doubleValue();
                        count++;
                    }
                }
                averages.put(dimension.name(), count == 0 ? null : round(total / count));
                sum += total;
                n += count;
            }
            teachers.add(new Comparison.Teacher(teacherId, names.get(teacherId), list.size(), averages,
                    n == 0 ? null : round(sum / n)));
        });
        return new Comparison(id, doc.getString("form"), doc.getString("lessonKind"),
                SessionDetails.of(doc).lessonContent(), doc.getString("date"), teachers);
    }

    /** 同课异构 对比: one row per teaching teacher, in the order the session names them. */
    public record Comparison(String sessionId, String form, String lessonKind,
                             SessionRequests.LessonContent lessonContent, String date, List<Teacher> teachers) {

        /** {@code averages}: each rubric dimension's mean (null without scores); {@code overall}: all scores' mean. */
        public record Teacher(String teacherId, String name, int observations, Map<String, Double> averages,
                              Double overall) {
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    // ---------------------------------------------------------------- helpers

    static void requireForm(Document doc, Set<SessionForm> forms) {
        SessionForm form = SessionForm.valueOf(doc.getString("form"));
        if (!forms.contains(form)) {
            throw ApiProblem.unprocessable("not-for-form", null,
                    "This does not apply to a " + form + " session (only " + forms + ").",
                    "此操作不适用于" + SessionFormRules.formZh(form) + "活动。");
        }
    }

    /** The school a session's teacher belongs to (the host's, or the participant's own). */
    static SchoolRef schoolOfTeacher(Document doc, String teacherId) {
        for (Document p : Sessions.participantDocs(doc)) {
            if (p.getString("teacherId").equals(teacherId) && p.getString("schoolId") != null
                    && !p.getString("schoolId").equals(doc.getString("schoolId"))) {
                String townshipId = p.getString("townshipId");
                return new SchoolRef(p.getString("schoolId"),
                        townshipId == null ? doc.getString("townshipId") : townshipId, doc.getString("districtId"));
            }
        }
        return SchoolRef.of(doc);
    }

    private void requireAttachments(String schoolId, List<String> ids, String field, boolean single) {
        try {
            attachments.requireOwnedBySchool(schoolId, ids, field);
        } catch (ApiProblem problem) {
            if (!single) {
                throw problem;
            }
            List<FieldProblem> renamed = problem.fieldProblems().stream()
                    .map(f -> new FieldProblem(field, f.code(), f.message(), f.messageZh())).toList();
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, problem.code(), problem.getMessage(),
                    problem.messageZh(), renamed);
        }
    }

    private static String by(Caller caller) {
        return caller.teacherId() != null ? caller.teacherId() : caller.subject();
    }
}
