package cn.xiaoben.identity.authserver.authorizations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Authorizations (codes, issued tokens, logins in progress) in MongoDB, one document each, so a login survives a
 * restart and revocation/introspection work on any instance. Tokens are looked up by the SHA-256 of their value;
 * expired records are removed by a TTL index on {@code purgeAt}.
 */
public class MongoAuthorizationService implements OAuth2AuthorizationService {

    public static final String COLLECTION = "oauth_authorizations";

    private final MongoCollection<Document> authorizations;
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final AuthorizationDocuments documents = new AuthorizationDocuments();

    public MongoAuthorizationService(MongoDatabase database, RegisteredClientRepository clients, Clock clock) {
        this.authorizations = database.getCollection(COLLECTION);
        this.clients = clients;
        this.clock = clock;
        authorizations.createIndex(Indexes.ascending(AuthorizationDocuments.STATE));
        for (String token : AuthorizationDocuments.TOKEN_FIELDS) {
            authorizations.createIndex(Indexes.ascending(token + ".hash"));
        }
        authorizations.createIndex(Indexes.ascending("purgeAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document doc = documents.toDocument(authorization, clock.instant());
        authorizations.replaceOne(Filters.eq("_id", authorization.getId()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return load(Filters.eq("_id", id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String hash = AuthorizationDocuments.hash(token);
        if (tokenType == null) {
            List<Bson> any = new ArrayList<>();
            any.add(Filters.eq(AuthorizationDocuments.STATE, hash));
            AuthorizationDocuments.TOKEN_FIELDS.forEach(f -> any.add(Filters.eq(f + ".hash", hash)));
            return load(Filters.or(any));
        }
        String field = switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> AuthorizationDocuments.STATE;
            case OAuth2ParameterNames.CODE -> AuthorizationDocuments.CODE + ".hash";
            case OAuth2ParameterNames.ACCESS_TOKEN -> AuthorizationDocuments.ACCESS_TOKEN + ".hash";
            case OAuth2ParameterNames.REFRESH_TOKEN -> AuthorizationDocuments.REFRESH_TOKEN + ".hash";
            case OidcParameterNames.ID_TOKEN -> AuthorizationDocuments.ID_TOKEN + ".hash";
            default -> null;
        };
        return field == null ? null : load(Filters.eq(field, hash));
    }

    private OAuth2Authorization load(Bson filter) {
        Document doc = authorizations.find(filter).first();
        if (doc == null) {
            return null;
        }
        RegisteredClient client = clients.findById(doc.getString("registeredClientId"));
        return client == null ? null : documents.fromDocument(doc, client);
    }
}
