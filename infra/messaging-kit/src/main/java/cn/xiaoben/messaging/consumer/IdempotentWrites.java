package cn.xiaoben.messaging.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The two ways a consumer writes so that an event applied twice changes nothing, each a single-document write:
 * <ul>
 *   <li>{@link #insertOnce}: an append-only document whose {@code _id} is derived from the event id;</li>
 *   <li>{@link #updateOnce}: an update (upsert) of one document that records the ids of the events applied to it.</li>
 * </ul>
 */
public class IdempotentWrites {

    public static final String APPLIED_EVENTS = "appliedEvents";

    private final MongoDatabase database;
    private final MeterRegistry meters;

    public IdempotentWrites(MongoDatabase database, MeterRegistry meters) {
        this.database = database;
        this.meters = meters;
    }

    /** Inserts {@code document} (whose {@code _id} must be derived from the event); false if it was already there. */
    public boolean insertOnce(String collection, Document document) {
        if (!document.containsKey("_id")) {
            throw new IllegalArgumentException("insertOnce needs an _id derived from the event id");
        }
        try {
            database.getCollection(collection).insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                duplicate(collection);
                return false;
            }
            throw e;
        }
    }

    /** Applies {@code update} to the document {@code id} (creating it if needed) unless {@code eventId} was applied. */
    public boolean updateOnce(String collection, Object id, String eventId, Bson update) {
        try {
            var result = database.getCollection(collection).updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.ne(APPLIED_EVENTS, eventId)),
                    Updates.combine(update, Updates.addToSet(APPLIED_EVENTS, eventId)),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // The document exists and already carries this event id: the upsert's insert collided with it.
                duplicate(collection);
                return false;
            }
            throw e;
        }
    }

    private void duplicate(String collection) {
        meters.counter("xiaoben.events.duplicates", "collection", collection).increment();
    }
}
