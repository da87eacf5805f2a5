package cn.xiaoben.identity.authserver.clients;

import cn.xiaoben.identity.directory.DirectoryCollections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.time.Duration;
import java.util.List;

/**
 * Registered clients in MongoDB. Stand-alone clients (the bureau console, the web client) live in
 * {@value #COLLECTION}; a school system's client is embedded in its school's document ({@code client}), so that the
 * school, its client and its {@code SchoolRegistered} event are stored by one single-document write.
 * Secrets are stored hashed ({@code {bcrypt}…}).
 */
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    public static final String COLLECTION = "oauth_clients";
    public static final String SCHOOL_CLIENT_FIELD = "client";

    private final MongoCollection<Document> clients;
    private final MongoCollection<Document> schools;

    public MongoRegisteredClientRepository(MongoDatabase database) {
        this.clients = database.getCollection(COLLECTION);
        this.schools = database.getCollection(DirectoryCollections.SCHOOLS);
        clients.createIndex(Indexes.ascending("clientId"), new IndexOptions().unique(true));
        schools.createIndex(Indexes.ascending(SCHOOL_CLIENT_FIELD + ".clientId"), new IndexOptions().unique(true));
        schools.createIndex(Indexes.ascending(SCHOOL_CLIENT_FIELD + ".id"));
    }

    @Override
    public void save(RegisteredClient client) {
        Document doc = ClientDocuments.toDocument(client);
        long embedded = schools.updateOne(Filters.eq(SCHOOL_CLIENT_FIELD + ".id", client.getId()),
                Updates.set(SCHOOL_CLIENT_FIELD, doc)).getMatchedCount();
        if (embedded == 0) {
            clients.replaceOne(Filters.eq("_id", client.getId()), doc.append("_id", client.getId()),
                    new ReplaceOptions().upsert(true));
        }
    }

    /**
     * Brings every school system's client to the current template: its scopes and access-token lifetime (schools
     * registered before a change keep their stored client otherwise). The number of schools changed.
     */
    public long alignSchoolClients(List<String> scopes, Duration accessTokenTtl) {
        return schools.updateMany(Filters.exists(SCHOOL_CLIENT_FIELD + ".clientId"), Updates.combine(
                Updates.set(SCHOOL_CLIENT_FIELD + ".scopes", scopes),
                Updates.set(SCHOOL_CLIENT_FIELD + ".accessTokenTtlSeconds", accessTokenTtl.toSeconds())))
                .getModifiedCount();
    }

    @Override
    public RegisteredClient findById(String id) {
        return find("_id", SCHOOL_CLIENT_FIELD + ".id", id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return find("clientId", SCHOOL_CLIENT_FIELD + ".clientId", clientId);
    }

    private RegisteredClient find(String field, String schoolField, String value) {
        Document doc = clients.find(Filters.eq(field, value)).first();
        if (doc != null) {
            return ClientDocuments.fromDocument(doc);
        }
        Document school = schools.find(Filters.eq(schoolField, value)).first();
        return school == null ? null : ClientDocuments.fromDocument(school.get(SCHOOL_CLIENT_FIELD, Document.class));
    }
}
