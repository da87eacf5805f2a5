package cn.xiaoben.activity.session;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Wrong-code limits for check-in / check-out. A six-digit code is guessable, so each teacher gets
 * {@code xiaoben.activity.sessions.max-code-attempts} (5) wrong codes per session, purpose and issued code; after
 * that every attempt of theirs with that purpose is 429 {@code too-many-code-attempts} until the code expires
 * ({@code Retry-After}) or the host issues a fresh one.
 *
 * <p>The count lives in the session document, {@code codeFailures.<purpose>} = an array of
 * {@code {teacherId, code, count, since}}, where {@code code} names the issued code it was counted against (its
 * salt, already stored with it). It is written by the same version-guarded update as everything else, so it
 * survives restarts, is shared by every instance, and concurrent guesses are serialised (the 6th sees 5). A new
 * code has a new salt, which is why issuing one lifts the limit without touching the counts. (An array rather than
 * a map keyed by teacher id: ids are not guaranteed free of '.' and '$'.)
 */
@Component
class CodeAttempts {

    static final String FIELD = "codeFailures";

    private final int max;

    CodeAttempts(@Value("${xiaoben.activity.sessions.max-code-attempts:5}") int max) {
        if (max < 1) {
            throw new IllegalArgumentException("xiaoben.activity.sessions.max-code-attempts must be at least 1");
        }
        this.max = max;
    }

    /** 429 when the teacher has used up their attempts at the current, unexpired code of this purpose. */
    void requireAllowed(Document session, CodePurpose purpose, String teacherId, Instant now) {
        Document current = current(session, purpose);
        if (current == null || !now.isBefore(expiresAt(current))) {
            return;
        }
        Document mine = entry(session, purpose, teacherId);
        if (mine != null && current.getString("salt").equals(mine.getString("code"))
                && mine.getInteger("count", 0) >= max) {
            long seconds = Math.max(1, (Duration.between(now, expiresAt(current)).toMillis() + 999) / 1000);
            throw new TooManyCodeAttempts(purpose, max, seconds);
        }
    }

    /**
     * The update counting one wrong code against the current code; empty when there is no unexpired code to guess
     * (nothing to protect, nothing counted). Entries of older codes are dropped on the way.
     */
    Optional<Bson> failure(Document session, CodePurpose purpose, String teacherId, Instant now) {
        Document current = current(session, purpose);
        if (current == null || !now.isBefore(expiresAt(current))) {
            return Optional.empty();
        }
        String code = current.getString("salt");
        List<Document> kept = new ArrayList<>();
        Document mine = null;
        for (Document e : entries(session, purpose)) {
            if (!code.equals(e.getString("code"))) {
                continue;
            }
            if (teacherId.equals(e.getString("teacherId"))) {
                mine = e;
            } else {
                kept.add(e);
            }
        }
        kept.add(mine == null
                ? new Document("teacherId", teacherId).append("code", code).append("count", 1)
                .append("since", Date.from(now))
                : new Document(mine).append("count", mine.getInteger("count", 0) + 1));
        return Optional.of(Updates.set(FIELD + "." + purpose.name(), kept));
    }

    /** The update forgetting the teacher's wrong codes of this purpose (they just gave the right one). */
    Optional<Bson> reset(Document session, CodePurpose purpose, String teacherId) {
        List<Document> entries = entries(session, purpose);
        List<Document> kept = entries.stream().filter(e -> !teacherId.equals(e.getString("teacherId"))).toList();
        return kept.size() == entries.size() ? Optional.empty()
                : Optional.of(Updates.set(FIELD + "." + purpose.name(), kept));
    }

    private static Document current(Document session, CodePurpose purpose) {
        Document codes = session.get("codes", Document.class);
        return codes == null ? null : codes.get(purpose.name(), Document.class);
    }

    private static Instant expiresAt(Document code) {
        return code.getDate("expiresAt").toInstant();
    }

    private static List<Document> entries(Document session, CodePurpose purpose) {
        Document all = session.get(FIELD, Document.class);
        return all == null ? List.of() : all.getList(purpose.name(), Document.class, List.of());
    }

    private static Document entry(Document session, CodePurpose purpose, String teacherId) {
        return entries(session, purpose).stream().filter(e -> teacherId.equals(e.getString("teacherId")))
                .findFirst().orElse(null);
    }
}
