package cn.xiaoben.identity.directory.township;

import cn.xiaoben.contracts.directory.TownshipRegistered;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.DuplicateKeys;
import cn.xiaoben.identity.common.Ids;
import cn.xiaoben.identity.directory.DirectoryAccess;
import cn.xiaoben.identity.directory.DirectoryCollections;
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
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Townships (镇) of a district: registered by the bureau, each registration with its event in one write. */
public class TownshipService {

    private final MongoCollection<Document> townships;
    private final EventOutbox outbox;
    private final Clock clock;

    public TownshipService(MongoDatabase database, EventOutbox outbox, Clock clock) {
        this.townships = database.getCollection(DirectoryCollections.TOWNSHIPS);
        this.outbox = outbox;
        this.clock = clock;
        townships.createIndex(Indexes.ascending("districtId", "name"), new IndexOptions().unique(true));
        IdempotentInserts.ensureIndex(townships);
    }

    public record Registered(TownshipView township, boolean replayed) {
    }

    public Registered register(Caller caller, RegisterTownshipRequest request, String idempotencyKey) {
        String districtId = DirectoryAccess.requireBureauDistrict(caller);
        String id = Ids.next("tsp");
        Instant now = Dates.now(clock);
        Document doc = new Document("_id", id).append("districtId", districtId).append("name", request.name())
                .append("registeredAt", Dates.toDate(now));
        outbox.attach(doc, new TownshipRegistered(id, districtId, request.name(), now));
        IdempotentInserts.Outcome outcome;
        try {
            outcome = IdempotentInserts.insert(townships, doc, districtId, idempotencyKey, request);
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                throw ApiProblem.conflict("township-exists", "A township named " + request.name()
                        + " already exists in this district.", "本县已有名为“" + request.name() + "”的镇。");
            }
            throw e;
        }
        if (!outcome.replayed()) {
            outbox.publishSoon(DirectoryCollections.TOWNSHIPS, id);
        }
        return new Registered(view(outcome.document()), outcome.replayed());
    }

    /** The district's townships; township- and school-scoped callers see their own township only. */
    public List<TownshipView> list(Caller caller) {
        Bson filter = Filters.eq("districtId", caller.districtId());
        if (caller.townshipId() != null) {
            filter = Filters.and(filter, Filters.eq("_id", caller.townshipId()));
        }
        List<TownshipView> result = new ArrayList<>();
        townships.find(filter).sort(new Document("name", 1)).forEach(d -> result.add(view(d)));
        return result;
    }

    public Optional<TownshipView> find(String townshipId) {
        return Optional.ofNullable(townships.find(Filters.eq("_id", townshipId)).first()).map(TownshipService::view);
    }

    private static TownshipView view(Document d) {
        return new TownshipView(d.getString("_id"), d.getString("districtId"), d.getString("name"),
                Dates.toInstant(d.getDate("registeredAt")));
    }
}
