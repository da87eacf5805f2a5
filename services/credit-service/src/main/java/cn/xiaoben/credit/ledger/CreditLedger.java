package cn.xiaoben.credit.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only credit ledger: one document per entry, never edited. An entry is an {@code award} (positive
 * hours) or a {@code revocation} (a voiding entry naming the award it voids in {@code voids}, minus its hours), so
 * totals — derived from the entries on every read, never stored beside them — stay right. Every decision for a
 * teacher's part in a fact ({@code sourceKey}) is either an award or a decline (cap reached, not attended, …), kept
 * apart with its reason; {@code revision} counts the decisions of one source key (corrections add revisions).
 */
@Component
public class CreditLedger {

    public static final String ENTRIES = "ledger_entries";
    public static final String DECLINES = "credit_declines";
    public static final String AWARD = "award";
    public static final String REVOCATION = "revocation";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> declines;

    public CreditLedger(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.declines = database.getCollection(DECLINES);
    }

    @PostConstruct
    void indexes() {
        entries.createIndex(Indexes.ascending("teacherId", "schoolYear", "category"));
        entries.createIndex(Indexes.ascending("source.id"));
        entries.createIndex(Indexes.ascending("sourceKey", "revision"));
        entries.createIndex(Indexes.ascending("teacherId", "fact", "source.id"));
        entries.createIndex(Indexes.ascending("voids"));
        entries.createIndex(Indexes.ascending("correctionKey"));
        declines.createIndex(Indexes.ascending("teacherId", "schoolYear"));
        declines.createIndex(Indexes.ascending("sourceKey", "revision"));
        declines.createIndex(Indexes.ascending("teacherId", "fact", "source.id"));
        declines.createIndex(Indexes.ascending("correctionKey"));
    }

    /** Hours standing in the ledger for a teacher, school year and category (revocations count negative). */
    public BigDecimal awarded(String teacherId, String schoolYear, String category) {
        Document sum = entries.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("teacherId", teacherId), Filters.eq("schoolYear", schoolYear),
                        Filters.eq("category", category))),
                Aggregates.group(null, Accumulators.sum("hours", "$hours")))).first();
        return sum == null ? BigDecimal.ZERO : hours(sum.get("hours"));
    }

    /** Whether anything was decided for this source key: an award (standing or voided) or a decline. */
    public boolean decided(String sourceKey) {
        return entries.find(Filters.and(Filters.eq("sourceKey", sourceKey), Filters.eq("kind", AWARD))).first() != null
                || declines.find(Filters.eq("sourceKey", sourceKey)).first() != null;
    }

    /** The highest revision decided for a source key, 0 when nothing was. */
    public int lastRevision(String sourceKey) {
        int last = 0;
        for (MongoCollection<Document> coll : List.of(entries, declines)) {
            Document d = coll.find(Filters.and(Filters.eq("sourceKey", sourceKey), Filters.exists("revision")))
                    .sort(Sorts.descending("revision")).first();
            if (d != null) {
                last = Math.max(last, d.getInteger("revision"));
            }
        }
        return last;
    }

    /** The newest decision (award or decline) about a teacher's part in a fact's record, whatever the role. */
    public Optional<Document> latestDecision(String teacherId, String fact, String sourceId) {
        Bson filter = Filters.and(Filters.eq("teacherId", teacherId), Filters.eq("fact", fact),
                Filters.eq("source.id", sourceId), Filters.exists("revision"));
        Document award = entries.find(Filters.and(filter, Filters.eq("kind", AWARD)))
                .sort(Sorts.descending("revision")).first();
        Document decline = declines.find(filter).sort(Sorts.descending("revision")).first();
        if (award == null) {
            return Optional.ofNullable(decline);
        }
        if (decline == null) {
            return Optional.of(award);
        }
        return Optional.of(award.getInteger("revision") >= decline.getInteger("revision") ? award : decline);
    }

    /** The award of a source key that no revocation voids, if any. */
    public Optional<Document> standingAward(String sourceKey) {
        Document award = entries.find(Filters.and(Filters.eq("sourceKey", sourceKey), Filters.eq("kind", AWARD)))
                .sort(Sorts.descending("revision")).first();
        if (award == null || entries.find(Filters.eq("voids", award.getString("_id"))).first() != null) {
            return Optional.empty();
        }
        return Optional.of(award);
    }

    /** Whether revision {@code revision} of a source key was written by the recalculation for a rule set. */
    public boolean recalculatedBy(String sourceKey, int revision, String ruleSetId) {
        Bson filter = Filters.and(Filters.eq("sourceKey", sourceKey), Filters.eq("revision", revision),
                Filters.eq("recalculatedBy", ruleSetId));
        return entries.find(Filters.and(filter, Filters.eq("kind", AWARD))).first() != null
                || declines.find(filter).first() != null;
    }

    /** Whether a correction (its natural key) already led to a new decision, or already voided an entry. */
    public boolean decidedFor(String correctionKey) {
        return entries.find(Filters.and(Filters.eq("correctionKey", correctionKey), Filters.eq("kind", AWARD)))
                .first() != null || declines.find(Filters.eq("correctionKey", correctionKey)).first() != null;
    }

    public boolean revokedFor(String correctionKey) {
        return entries.find(Filters.and(Filters.eq("correctionKey", correctionKey), Filters.eq("kind", REVOCATION)))
                .first() != null;
    }

    public List<Document> entriesOf(String teacherId, String schoolYear) {
        return entries.find(Filters.and(byTeacher(teacherId, schoolYear)))
                .sort(Sorts.orderBy(Sorts.descending("activityDate"), Sorts.descending("awardedAt")))
                .into(new ArrayList<>());
    }

    /** Ids of the teacher's entries voided by a revocation. */
    public Set<String> voidedOf(String teacherId, String schoolYear) {
        Set<String> voided = new HashSet<>();
        entries.find(Filters.and(Filters.and(byTeacher(teacherId, schoolYear)), Filters.eq("kind", REVOCATION)))
                .forEach(d -> voided.add(d.getString("voids")));
        return voided;
    }

    public List<Document> totalsOf(String teacherId, String schoolYear) {
        return entries.aggregate(List.of(
                Aggregates.match(Filters.and(byTeacher(teacherId, schoolYear))),
                Aggregates.group(new Document("schoolYear", "$schoolYear").append("category", "$category"),
                        Accumulators.sum("hours", "$hours"), Accumulators.sum("entries", 1)),
                Aggregates.sort(Sorts.ascending("_id.schoolYear", "_id.category")))).into(new ArrayList<>());
    }

    public long declinesOf(String teacherId, String schoolYear) {
        return declines.countDocuments(Filters.and(byTeacher(teacherId, schoolYear)));
    }

    public List<Document> declineListOf(String teacherId, String schoolYear) {
        return declines.find(Filters.and(byTeacher(teacherId, schoolYear)))
                .sort(Sorts.orderBy(Sorts.descending("activityDate"), Sorts.descending("decidedAt")))
                .into(new ArrayList<>());
    }

    private static List<Bson> byTeacher(String teacherId, String schoolYear) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teacherId", teacherId)));
        if (schoolYear != null) {
            filters.add(Filters.eq("schoolYear", schoolYear));
        }
        return filters;
    }

    public static BigDecimal hours(Object value) {
        return new BigDecimal(String.valueOf(((Number) value).doubleValue())).setScale(1, RoundingMode.HALF_UP);
    }
}
