package cn.xiaoben.identity.directory.group;

import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.DuplicateKeys;
import cn.xiaoben.identity.common.Ids;
import cn.xiaoben.identity.directory.DirectoryAccess;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.school.SchoolRecord;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Subject groups (教研组) of a school. */
public class SubjectGroupService {

    private final MongoCollection<Document> groups;
    private final SchoolDirectory schools;
    private final EventOutbox outbox;
    private final Clock clock;

    public SubjectGroupService(MongoDatabase database, SchoolDirectory schools, EventOutbox outbox, Clock clock) {
        this.groups = database.getCollection(DirectoryCollections.SUBJECT_GROUPS);
        this.schools = schools;
        this.outbox = outbox;
        this.clock = clock;
        groups.createIndex(Indexes.ascending("schoolId", "name"), new IndexOptions().unique(true));
        IdempotentInserts.ensureIndex(groups);
    }

    public record Registered(SubjectGroupView group, boolean replayed) {
    }

    public Registered register(Caller caller, String schoolId, RegisterSubjectGroupRequest request,
                               String idempotencyKey) {
        SchoolRecord school = schools.reachable(caller, schoolId);
        DirectoryAccess.requireSchoolWriter(caller, school.ref());
        String id = Ids.next("grp");
        Instant now = Dates.now(clock);
        Document doc = new Document("_id", id).append("schoolId", school.id()).append("townshipId", school.townshipId())
                .append("districtId", school.districtId()).append("name", request.name())
                .append("subject", request.subject()).append("registeredAt", Dates.toDate(now));
        outbox.attach(doc, new SubjectGroupRegistered(id, school.districtId(), school.townshipId(), school.id(),
                request.name(), request.subject(), now));
        IdempotentInserts.Outcome outcome;
        try {
            outcome = IdempotentInserts.insert(groups, doc, school.id(), idempotencyKey, request);
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw ApiProblem.conflict("subject-group-exists", "The school already has a subject group named "
                        + request.name() + ".", "本校已有名为“" + request.name() + "”的教研组。");
            }
            throw e;
        }
        if (!outcome.replayed()) {
            outbox.publishSoon(DirectoryCollections.SUBJECT_GROUPS, id);
        }
        return new Registered(view(outcome.document()), outcome.replayed());
    }

    public List<SubjectGroupView> list(Caller caller, String schoolId) {
        SchoolRecord school = schools.reachable(caller, schoolId);
        List<SubjectGroupView> result = new ArrayList<>();
        groups.find(Filters.eq("schoolId", school.id())).sort(new Document("name", 1))
                .forEach(d -> result.add(view(d)));
        return result;
    }

    /** Whether the group exists and belongs to the school. */
    public boolean belongsTo(String groupId, String schoolId) {
        return groups.countDocuments(Filters.and(Filters.eq("_id", groupId), Filters.eq("schoolId", schoolId))) > 0;
    }

    public static ApiProblem unknownGroup(String groupId, String schoolId) {
        return ApiProblem.unprocessable("subject-group-unknown", "subjectGroupId",
                "Subject group " + groupId + " does not exist in school " + schoolId + ".",
                "教研组 " + groupId + " 不属于学校 " + schoolId + "。");
    }

    private static SubjectGroupView view(Document d) {
        return new SubjectGroupView(d.getString("_id"), d.getString("schoolId"), d.getString("townshipId"),
                d.getString("districtId"), d.getString("name"), d.getString("subject"),
                Dates.toInstant(d.getDate("registeredAt")));
    }
}
