package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.common.DuplicateKeys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/**
 * The RSA key that signs every token, generated once and kept in MongoDB so that tokens stay valid across restarts
 * and across instances. Its fixed document id makes concurrent first starts agree on one key.
 */
public class SigningKeyStore {

    public static final String COLLECTION = "signing_keys";
    static final String ACTIVE = "jwt-signing-key";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public SigningKeyStore(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The stored key, or a new one stored now. */
    public RSAKey activeKey() {
        RSAKey existing = load();
        if (existing != null) {
            return existing;
        }
        RSAKey generated = generate();
        try {
            keys.insertOne(new Document("_id", ACTIVE).append("kid", generated.getKeyID())
                    .append("jwk", generated.toJSONString()).append("createdAt", Date.from(clock.instant())));
            log.info("Generated and stored the token signing key {}", generated.getKeyID());
            return generated;
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                // another instance stored its key first: use that one
                return load();
            }
            throw e;
        }
    }

    private RSAKey load() {
        Document doc = keys.find(Filters.eq("_id", ACTIVE)).first();
        if (doc == null) {
            return null;
        }
        try {
            return RSAKey.parse(doc.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
