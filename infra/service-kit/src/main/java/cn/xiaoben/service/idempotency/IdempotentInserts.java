package cn.xiaoben.service.idempotency;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.problem.ApiProblem;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creation with an {@code Idempotency-Key}: the key (scoped to the caller's tenant) and a fingerprint of the request
 * live in the created document itself, under a unique index, so a retry finds the first result and creates nothing;
 * the same key with a different request is a 409.
 */
public final class IdempotentInserts {

    public static final String HEADER = "Idempotency-Key";
    public static final String FIELD = "idempotency";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private IdempotentInserts() {
    }

    public static void ensureIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(FIELD + ".key"), new IndexOptions().unique(true));
    }

    /**
     * Inserts {@code document}, or returns what the first request with this key created.
     *
     * @param tenant  whose key space the key belongs to (the school, say), so two schools never collide
     * @param key     the client's key, or null for none
     * @param request the request body, fingerprinted to tell a retry from a reuse of the key
     */
    public static Outcome insert(MongoCollection<Document> collection, Document document, String tenant, String key,
                                 Object request) {
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ApiProblem.invalidField(HEADER, "invalid-idempotency-key",
                    "Idempotency-Key must be 1–128 characters of letters, digits and . _ : -",
                    "Idempotency-Key 须为 1–128 个字母、数字或 . _ : - 字符。");
        }
        String scopedKey = tenant + "/" + (key == null ? "auto-" + UUID.randomUUID() : key);
        String fingerprint = fingerprint(request);
        document.append(FIELD, new Document("key", scopedKey).append("fingerprint", fingerprint));
        try {
            collection.insertOne(document);
            return new Outcome(document, false);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document first = collection.find(Filters.eq(FIELD + ".key", scopedKey)).first();
            if (first == null) {
                throw e;
            }
            if (!fingerprint.equals(first.get(FIELD, Document.class).getString("fingerprint"))) {
                throw ApiProblem.conflict("idempotency-key-reused",
                        "This Idempotency-Key was already used for a different request.",
                        "该 Idempotency-Key 已用于另一个不同的请求。");
            }
            return new Outcome(first, true);
        }
    }

    /**
     * Creates a document together with the events its creation caused, in one insert, and asks the relay to publish
     * them; a replayed request (same key, same body) publishes nothing new.
     */
    public static Outcome insertWithEvents(EventOutbox outbox, MongoCollection<Document> collection, Document document,
                                           String tenant, String key, Object request, DomainEvent... events) {
        outbox.attach(document, events);
        Outcome outcome = insert(collection, document, tenant, key, request);
        if (!outcome.replayed()) {
            outbox.publishSoon(collection.getNamespace().getCollectionName(), document.get("_id"));
        }
        return outcome;
    }

    static String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.mapper().writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an insert led to: the stored document, and whether it was there already (a replayed request). */
    public record Outcome(Document document, boolean replayed) {
    }
}
