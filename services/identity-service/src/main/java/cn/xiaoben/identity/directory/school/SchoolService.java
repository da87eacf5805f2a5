package cn.xiaoben.identity.directory.school;

import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.identity.authserver.clients.ClientDocuments;
import cn.xiaoben.identity.authserver.clients.ClientSecrets;
import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.authserver.clients.MongoRegisteredClientRepository;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.DuplicateKeys;
import cn.xiaoben.identity.common.Ids;
import cn.xiaoben.identity.directory.DirectoryAccess;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.identity.directory.township.TownshipService;
import cn.xiaoben.identity.directory.township.TownshipView;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Schools: registered by the bureau under one of its townships. The school, its system's OAuth client (embedded,
 * secret hashed) and its {@code SchoolRegistered} event are stored by one insert.
 */
public class SchoolService {

    private final MongoCollection<Document> schools;
    private final SchoolDirectory directory;
    private final TownshipService townships;
    private final ClientTemplates clients;
    private final PasswordEncoder passwords;
    private final EventOutbox outbox;
    private final Clock clock;

    public SchoolService(MongoDatabase database, SchoolDirectory directory, TownshipService townships,
                         ClientTemplates clients, PasswordEncoder passwords, EventOutbox outbox, Clock clock) {
        this.schools = database.getCollection(DirectoryCollections.SCHOOLS);
        this.directory = directory;
        this.townships = townships;
        this.clients = clients;
        this.passwords = passwords;
        this.outbox = outbox;
        this.clock = clock;
        schools.createIndex(Indexes.ascending("townshipId", "name"), new IndexOptions().unique(true));
        schools.createIndex(Indexes.ascending("districtId"));
    }

    public RegisteredSchoolView register(Caller caller, RegisterSchoolRequest request) {
        String districtId = DirectoryAccess.requireBureauDistrict(caller);
        TownshipView township = townships.find(request.townshipId())
                .orElseThrow(() -> ApiProblem.unprocessable("township-unknown", "townshipId",
                        "Township " + request.townshipId() + " does not exist.",
                        "镇 " + request.townshipId() + " 不存在。"));
        if (!districtId.equals(township.districtId())) {
            throw ApiProblem.forbidden("Township " + township.id() + " is not in your district.",
                    "镇 " + township.id() + " 不在您所在的县（区）。");
        }
        String schoolId = Ids.next("sch");
        Instant now = Dates.now(clock);
        String secret = ClientSecrets.generate();
        String clientId = "school-" + schoolId;
        RegisteredClient client = clients.school("client-" + clientId, clientId, now, passwords.encode(secret),
                request.name(), districtId, township.id(), schoolId);
        Document doc = new Document("_id", schoolId).append("districtId", districtId)
                .append("townshipId", township.id()).append("name", request.name()).append("stage", request.stage())
                .append("registeredAt", Dates.toDate(now))
                .append(MongoRegisteredClientRepository.SCHOOL_CLIENT_FIELD, ClientDocuments.toDocument(client));
        outbox.attach(doc, new SchoolRegistered(schoolId, districtId, township.id(), request.name(), request.stage(),
                now));
        try {
            schools.insertOne(doc);
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw ApiProblem.conflict("school-exists", "Township " + township.name()
                        + " already has a school named " + request.name() + ".",
                        township.name() + "已有名为“" + request.name() + "”的学校。");
            }
            throw e;
        }
        outbox.publishSoon(DirectoryCollections.SCHOOLS, schoolId);
        return new RegisteredSchoolView(schoolId, request.name(), township.id(), districtId, request.stage(), now,
                new RegisteredSchoolView.ClientCredentials(clientId, secret));
    }

    /** The bureau sees its district's schools, a township its own, a school itself. */
    public List<SchoolView> list(Caller caller, String townshipId) {
        Bson filter = switch (caller.scope()) {
            case DISTRICT -> Filters.eq("districtId", caller.districtId());
            case TOWNSHIP -> Filters.and(Filters.eq("districtId", caller.districtId()),
                    Filters.eq("townshipId", caller.townshipId()));
            case SCHOOL -> Filters.and(Filters.eq("districtId", caller.districtId()),
                    Filters.eq("_id", caller.schoolId()));
        };
        if (townshipId != null) {
            filter = Filters.and(filter, Filters.eq("townshipId", townshipId));
        }
        return directory.list(filter).stream().map(SchoolView::of).toList();
    }

    public SchoolView get(Caller caller, String schoolId) {
        return SchoolView.of(directory.reachable(caller, schoolId));
    }
}
