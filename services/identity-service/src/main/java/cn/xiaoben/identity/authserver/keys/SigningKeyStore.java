package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.DuplicateKeys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code signing_keys} collection: one document per key, {@code _id} = its generation (1, 2, …), so concurrent
 * rotations on several instances agree on one winner without any other index. A document holds the private key only
 * sealed by the {@link KeyEncryptionKey} ({@code sealed}: the JWK JSON, the kid as associated data) and, for people
 * reading the collection, the public JWK ({@code publicJwk}) — which the service never reads back: what it publishes
 * is taken from the sealed, authenticated form. The collection holds a handful of documents, read whole.
 */
final class SigningKeyStore {

    static final String COLLECTION = "signing_keys";
    /** The one document of versions before decision 0009: the whole key as a clear-text JWK. */
    static final String LEGACY_ID = "jwt-signing-key";

    /** A stored key: {@code activatesAt} is when it starts signing (it is published from {@code createdAt}). */
    record StoredKey(long generation, String kid, Instant createdAt, Instant activatesAt, String kekId,
                     byte[] sealed) {
    }

    private final MongoCollection<Document> keys;

    SigningKeyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    /** Every sealed key, newest (highest generation) first; documents of another shape are skipped. */
    List<StoredKey> all() {
        List<StoredKey> all = new ArrayList<>();
        for (Document doc : keys.find()) {
            Binary sealed = doc.get("sealed", Binary.class);
            if (doc.get("_id") instanceof Number generation && sealed != null) {
                all.add(new StoredKey(generation.longValue(), doc.getString("kid"),
                        Dates.toInstant(doc.getDate("createdAt")), Dates.toInstant(doc.getDate("activatesAt")),
                        doc.getString("kekId"), sealed.getData()));
            }
        }
        all.sort(Comparator.comparingLong(StoredKey::generation).reversed());
        return all;
    }

    /** Stores a new key; false when another instance stored this generation first. */
    boolean insert(StoredKey key, Map<String, Object> publicJwk) {
        try {
            keys.insertOne(new Document("_id", key.generation())
                    .append("kid", key.kid())
                    .append("alg", "RS256")
                    .append("createdAt", Dates.toDate(key.createdAt()))
                    .append("activatesAt", Dates.toDate(key.activatesAt()))
                    .append("kekId", key.kekId())
                    .append("sealed", new Binary(key.sealed()))
                    .append("publicJwk", new Document(publicJwk)));
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    void delete(long generation) {
        keys.deleteOne(Filters.eq("_id", generation));
    }

    /** Deletes the clear-text key of an older version; true if there was one. */
    boolean deleteLegacyClearTextKey() {
        return keys.deleteOne(Filters.eq("_id", LEGACY_ID)).getDeletedCount() > 0;
    }
}
