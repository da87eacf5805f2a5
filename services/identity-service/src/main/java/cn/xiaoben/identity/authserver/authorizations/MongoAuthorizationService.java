package cn.xiaoben.identity.authserver.authorizations;

import cn.xiaoben.identity.common.Dates;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Authorizations (codes, issued tokens, logins in progress) in MongoDB, one document each, so a login survives a
 * restart and revocation/introspection work on any instance. No token value is stored: {@value #HASHES} maps the
 * SHA-256 of each secret ({@code _id}, the only index lookups need) to its authorization, whose own copy of the hash
 * decides (a replaced refresh token's entry finds nothing). Hashes are written before the authorization, so a crash
 * in between leaves at most an entry that finds nothing. Expired records are removed by TTL indexes on
 * {@code purgeAt}; documents of the older clear-text format are deleted on start.
 */
public class MongoAuthorizationService implements OAuth2AuthorizationService {

    public static final String COLLECTION = "oauth_authorizations";
    public static final String HASHES = "token_hashes";

    private static final Logger log = LoggerFactory.getLogger(MongoAuthorizationService.class);

    private final MongoCollection<Document> authorizations;
    private final MongoCollection<Document> hashes;
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final AuthorizationDocuments documents = new AuthorizationDocuments();

    public MongoAuthorizationService(MongoDatabase database, RegisteredClientRepository clients, Clock clock) {
        this.authorizations = database.getCollection(COLLECTION);
        this.hashes = database.getCollection(HASHES);
        this.clients = clients;
        this.clock = clock;
        IndexOptions ttl = new IndexOptions().expireAfter(0L, TimeUnit.SECONDS);
        authorizations.createIndex(Indexes.ascending("purgeAt"), ttl);
        hashes.createIndex(Indexes.ascending("purgeAt"), ttl);
        long legacy = authorizations.deleteMany(Filters.ne("v", AuthorizationDocuments.VERSION)).getDeletedCount();
        if (legacy > 0) {
            log.warn("Deleted {} authorization(s) of the older format, which held token values in clear: their tokens"
                    + " can no longer be introspected, revoked or refreshed (access tokens expire on their own)",
                    legacy);
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        AuthorizationDocuments.Stored stored = documents.toDocument(authorization, clock.instant());
        for (Map.Entry<TokenField, String> hash : stored.hashes().entrySet()) {
            hashes.replaceOne(Filters.eq("_id", hash.getValue()), new Document("_id", hash.getValue())
                            .append("authorizationId", authorization.getId())
                            .append("field", hash.getKey().field)
                            .append("purgeAt", Dates.toDate(stored.purgeAt())),
                    new ReplaceOptions().upsert(true));
        }
        authorizations.replaceOne(Filters.eq("_id", authorization.getId()), stored.document(),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Document doc = authorizations.find(Filters.eq("_id", authorization.getId())).first();
        if (doc == null) {
            return;
        }
        List<String> held = new ArrayList<>();
        for (TokenField field : TokenField.values()) {
            Object value = doc.get(field.field);
            if (value instanceof Document token && token.getString("hash") != null) {
                held.add(token.getString("hash"));
            } else if (value instanceof String hash) {
                held.add(hash);
            }
        }
        authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
        if (!held.isEmpty()) {
            hashes.deleteMany(Filters.in("_id", held));
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Document doc = authorizations.find(Filters.eq("_id", id)).first();
        return doc == null ? null : toAuthorization(doc, null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        TokenField wanted = tokenType == null ? null : TokenField.of(tokenType);
        if (token == null || token.isEmpty() || (tokenType != null && wanted == null)) {
            return null;
        }
        String hash = TokenHashes.sha256(token);
        Document entry = hashes.find(Filters.eq("_id", hash)).first();
        if (entry == null) {
            return null;
        }
        TokenField field = TokenField.byField(entry.getString("field"));
        if (field == null || (wanted != null && wanted != field)) {
            return null;
        }
        Document doc = authorizations.find(Filters.eq("_id", entry.getString("authorizationId"))).first();
        if (doc == null || !AuthorizationDocuments.holds(doc, field, hash)) {
            return null;
        }
        return toAuthorization(doc, token);
    }

    private OAuth2Authorization toAuthorization(Document doc, String presented) {
        RegisteredClient client = clients.findById(doc.getString("registeredClientId"));
        return client == null ? null : documents.fromDocument(doc, client, presented);
    }
}
