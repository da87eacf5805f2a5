package cn.xiaoben.identity.throttle;

import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.config.IdentityProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Failed authentications in MongoDB ({@value #COLLECTION}, one document per {@link AttemptKey}, by {@code _id}), so
 * that restarts and several instances agree: {@code failures} within the window that began at {@code windowStart},
 * {@code blockedUntil} (backoff) and {@code lockedUntil} (lock). A success deletes the person's or client's own
 * documents; a TTL index on {@code purgeAt} removes the rest once they no longer matter.
 */
public class AuthAttempts {

    static final String COLLECTION = "auth_attempts";

    private static final Logger log = LoggerFactory.getLogger(AuthAttempts.class);

    private final MongoCollection<Document> attempts;
    private final IdentityProperties.Throttle settings;
    private final Clock clock;

    /** Why an attempt is refused before authentication, and until when. */
    record Refusal(boolean locked, Instant until) {
    }

    public AuthAttempts(MongoDatabase database, IdentityProperties.Throttle settings, Clock clock) {
        this.attempts = database.getCollection(COLLECTION);
        this.settings = settings;
        this.clock = clock;
        attempts.createIndex(Indexes.ascending("purgeAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** The refusal that applies to an attempt under these keys: a lock first, else the longest backoff. */
    Optional<Refusal> refusal(List<AttemptKey> keys) {
        Instant now = Dates.now(clock);
        Refusal refusal = null;
        for (Document doc : attempts.find(Filters.in("_id", keys.stream().map(AttemptKey::id).toList()))) {
            Instant locked = Dates.toInstant(doc.getDate("lockedUntil"));
            Instant blocked = Dates.toInstant(doc.getDate("blockedUntil"));
            if (locked != null && locked.isAfter(now)
                    && (refusal == null || !refusal.locked() || locked.isAfter(refusal.until()))) {
                refusal = new Refusal(true, locked);
            } else if (blocked != null && blocked.isAfter(now) && (refusal == null
                    || (!refusal.locked() && blocked.isAfter(refusal.until())))) {
                refusal = new Refusal(false, blocked);
            }
        }
        return Optional.ofNullable(refusal);
    }

    /** Counts a failed (or, during a backoff, refused) attempt against every key. */
    void failed(List<AttemptKey> keys) {
        Instant now = Dates.now(clock);
        for (AttemptKey key : keys) {
            Document doc = attempts.findOneAndUpdate(Filters.eq("_id", key.id()), Updates.combine(
                            Updates.inc("failures", 1), Updates.set("lastFailureAt", Dates.toDate(now)),
                            Updates.setOnInsert("kind", key.kind()), Updates.setOnInsert("name", key.name()),
                            Updates.setOnInsert("windowStart", Dates.toDate(now))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            Instant windowStart = Dates.toInstant(doc.getDate("windowStart"));
            int failures = doc.getInteger("failures", 1);
            List<Bson> updates = new ArrayList<>();
            if (!windowStart.plus(settings.window()).isAfter(now)) {
                // a new window: this failure is its first (a lock still running stays)
                failures = 1;
                updates.add(Updates.set("failures", 1));
                updates.add(Updates.set("windowStart", Dates.toDate(now)));
            }
            Instant purgeAt = now.plus(settings.window());
            int free = key.lockable() ? settings.freeFailures() : settings.ipFreeFailures();
            if (failures >= free) {
                Instant blockedUntil = now.plus(backoff(failures - free));
                updates.add(Updates.set("blockedUntil", Dates.toDate(blockedUntil)));
                purgeAt = later(purgeAt, blockedUntil);
            }
            Instant lockedUntil = Dates.toInstant(doc.getDate("lockedUntil"));
            boolean lockRunning = lockedUntil != null && lockedUntil.isAfter(now);
            if (key.lockable() && failures >= settings.lockAfter() && !lockRunning) {
                lockedUntil = now.plus(settings.lockDuration());
                updates.add(Updates.set("lockedUntil", Dates.toDate(lockedUntil)));
                log.warn("AUDIT locked {} after {} failed authentications (until {})", key.id(), failures,
                        lockedUntil);
            }
            if (lockedUntil != null) {
                purgeAt = later(purgeAt, lockedUntil);
            }
            updates.add(Updates.set("purgeAt", Dates.toDate(purgeAt)));
            attempts.updateOne(Filters.eq("_id", key.id()), Updates.combine(updates));
        }
    }

    /** A successful authentication forgets the failures of these keys. */
    void succeeded(List<AttemptKey> keys) {
        attempts.deleteMany(Filters.in("_id", keys.stream().map(AttemptKey::id).toList()));
    }

    /** Lifts a lock or backoff (a username's per-IP entries with it); false when there was none. */
    boolean lift(AttemptKey key) {
        long deleted = attempts.deleteOne(Filters.eq("_id", key.id())).getDeletedCount();
        if (AttemptKey.LOGIN.equals(key.kind())) {
            deleted += attempts.deleteMany(Filters.regex("_id",
                    "^" + Pattern.quote(AttemptKey.LOGIN_IP + "|" + key.name() + "|"))).getDeletedCount();
        }
        return deleted > 0;
    }

    /** Lifts whatever holds a client id; true if something did. */
    public boolean liftClient(String clientId) {
        return lift(AttemptKey.client(clientId));
    }

    /** Every key now locked or slowed down. */
    List<Document> current() {
        Date now = Dates.toDate(Dates.now(clock));
        return attempts.find(Filters.or(Filters.gt("lockedUntil", now), Filters.gt("blockedUntil", now)))
                .into(new ArrayList<>());
    }

    private Duration backoff(int beyondFree) {
        Duration max = settings.backoffMax();
        if (beyondFree >= 30) {
            return max;
        }
        Duration wait = settings.backoffBase().multipliedBy(1L << beyondFree);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
