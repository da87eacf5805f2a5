package cn.xiaoben.identity.directory.school;

import cn.xiaoben.identity.authserver.clients.MongoRegisteredClientRepository;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.TenancyGuard;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads schools, and answers whether a caller may reach one (404 unknown, 403 out of scope). */
public class SchoolDirectory {

    private static final Bson WITHOUT_SECRETS = Projections.exclude(
            MongoRegisteredClientRepository.SCHOOL_CLIENT_FIELD + ".clientSecret", "outbox", "idempotency");

    private final MongoCollection<Document> schools;

    public SchoolDirectory(MongoDatabase database) {
        this.schools = database.getCollection(DirectoryCollections.SCHOOLS);
    }

    public Optional<SchoolRecord> find(String schoolId) {
        return Optional.ofNullable(schools.find(Filters.eq("_id", schoolId)).projection(WITHOUT_SECRETS).first())
                .map(SchoolDirectory::record);
    }

    /** The school if the caller may reach it; a school-scoped caller asking for another school gets 403 at once. */
    public SchoolRecord reachable(Caller caller, String schoolId) {
        TenancyGuard.requireSameSchoolIfSchoolScoped(caller, schoolId);
        SchoolRecord school = find(schoolId).orElseThrow(() -> ApiProblem.notFound("School", "学校", schoolId));
        TenancyGuard.requireReach(caller, school.ref());
        return school;
    }

    public List<SchoolRecord> list(Bson filter) {
        List<SchoolRecord> result = new ArrayList<>();
        schools.find(filter).projection(WITHOUT_SECRETS).sort(new Document("name", 1))
                .forEach(d -> result.add(record(d)));
        return result;
    }

    static SchoolRecord record(Document d) {
        Document client = d.get(MongoRegisteredClientRepository.SCHOOL_CLIENT_FIELD, Document.class);
        return new SchoolRecord(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("name"), d.getString("stage"), client == null ? null : client.getString("clientId"),
                Dates.toInstant(d.getDate("registeredAt")));
    }
}
