package cn.xiaoben.reporting.facts;

import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.contracts.credit.CreditRevoked;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.contracts.SchoolYear;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One append-only fact per credit ledger entry ({@code _id} = the entry id, so a redelivered, replayed or
 * re-published event adds nothing), summed on read. A voiding entry ({@code CreditRevoked}) is a fact of kind
 * {@code revocation} with negative hours; teachers count as credited when their net hours are above zero. Hours stay exact (Decimal128). A fact belongs to the school year
 * and school the credit service attributed it to.
 */
@Component
public class CreditFacts {

    static final String COLLECTION = "credit_facts";

    private final MongoCollection<Document> facts;
    private final IdempotentWrites writes;

    public CreditFacts(MongoDatabase database, IdempotentWrites writes) {
        this.facts = database.getCollection(COLLECTION);
        this.writes = writes;
    }

    @PostConstruct
    void indexes() {
        facts.createIndex(Indexes.ascending("schoolId", "schoolYear"));
        facts.createIndex(Indexes.ascending("teacherId", "schoolYear"));
    }

    /** Stores the ledger entry once; false when it was already there. */
    public boolean record(CreditAwarded c, SchoolYear year, LocalDate activityDate, String eventId,
                          Instant storedAt) {
        Document fact = new Document("_id", c.entryId())
                .append("eventId", eventId)
                .append("teacherId", c.teacherId()).append("districtId", c.districtId())
                .append("schoolId", c.schoolId())
                .append("schoolYear", year.toString())
                .append("category", c.category())
                .append("hours", new Decimal128(c.hours()))
                .append("requestedHours", c.requestedHours() == null ? null : new Decimal128(c.requestedHours()))
                .append("ruleId", c.ruleId())
                .append("sourceEventType", c.sourceEventType()).append("sourceId", c.sourceId())
                .append("sourceEventId", c.sourceEventId())
                .append("activityDate", activityDate.toString())
                .append("month", activityDate.toString().substring(0, 7))
                .append("awardedAt", c.awardedAt() == null ? null : Date.from(c.awardedAt()))
                .append(Stored.AT, Date.from(storedAt));
        return writes.insertOnce(COLLECTION, fact);
    }

    /** Stores a voiding entry once (negative hours, naming the entry it voids); false when it was already there. */
    public boolean recordRevocation(CreditRevoked r, SchoolYear year, LocalDate activityDate, String eventId,
                                    Instant storedAt) {
        Document fact = new Document("_id", r.entryId())
                .append("kind", "revocation")
                .append("voids", r.voidedEntryId())
                .append("eventId", eventId)
                .append("teacherId", r.teacherId()).append("districtId", r.districtId())
                .append("schoolId", r.schoolId())
                .append("schoolYear", year.toString())
                .append("category", r.category())
                .append("hours", new Decimal128(r.hours()))
                .append("reason", r.reason())
                .append("sourceEventType", r.sourceEventType()).append("sourceId", r.sourceId())
                .append("sourceEventId", r.sourceEventId())
                .append("activityDate", activityDate.toString())
                .append("month", activityDate.toString().substring(0, 7))
                .append("awardedAt", r.revokedAt() == null ? null : Date.from(r.revokedAt()))
                .append(Stored.AT, Date.from(storedAt));
        return writes.insertOnce(COLLECTION, fact);
    }

    public CreditTally schoolTally(String schoolId, SchoolYear year) {
        return tally(Filters.and(Filters.eq("schoolId", schoolId), inYear(year)));
    }

    public TeacherCredits teacherCredits(String teacherId, SchoolYear year) {
        Bson filter = Filters.and(Filters.eq("teacherId", teacherId), inYear(year));
        Document latest = facts.find(Filters.and(filter, Filters.ne("kind", "revocation")))
                .sort(Sorts.orderBy(Sorts.descending("activityDate"), Sorts.descending("awardedAt"))).limit(1).first();
        return new TeacherCredits(tally(filter), latest == null ? null : new TeacherCredits.Latest(
                latest.getString("_id"), LocalDate.parse(latest.getString("activityDate")),
                latest.getString("category"), Hours.plain(Hours.of(latest.get("hours"))),
                latest.getString("sourceEventType")));
    }

    /** Credit hours and credited teachers per school of {@code schoolIds} in the year. */
    public Map<String, SchoolActivity> hoursBySchool(Collection<String> schoolIds, SchoolYear year) {
        Map<String, SchoolActivity> bySchool = new HashMap<>();
        facts.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.in("schoolId", schoolIds), inYear(year))),
                Aggregates.group(new Document("schoolId", "$schoolId").append("teacherId", "$teacherId"),
                        Accumulators.sum("hours", "$hours"), Accumulators.max("lastStoredAt", "$" + Stored.AT)),
                Aggregates.match(Filters.gt("hours", 0)),
                Aggregates.group("$_id.schoolId", Accumulators.sum("hours", "$hours"), Accumulators.sum("teachers", 1),
                        Accumulators.max("lastStoredAt", "$lastStoredAt")))).forEach(g ->
                bySchool.put(g.getString("_id"), new SchoolActivity(0, Hours.of(g.get("hours")),
                        g.get("teachers", Number.class).longValue(), Stored.latest(g))));
        return bySchool;
    }

    private CreditTally tally(Bson filter) {
        Document result = facts.aggregate(List.of(
                Aggregates.match(filter),
                Aggregates.facet(
                        new Facet("total", Aggregates.group(null, Accumulators.sum("hours", "$hours"),
                                Accumulators.max("lastStoredAt", "$" + Stored.AT))),
                        new Facet("byCategory", Aggregates.group("$category", Accumulators.sum("hours", "$hours")),
                                Aggregates.sort(Sorts.ascending("_id"))),
                        new Facet("teachers", Aggregates.group("$teacherId", Accumulators.sum("hours", "$hours")),
                                Aggregates.match(Filters.gt("hours", 0)),
                                Aggregates.group(null, Accumulators.sum("n", 1)))))).first();
        if (result == null || result.getList("total", Document.class).isEmpty()) {
            return CreditTally.none();
        }
        Document total = result.getList("total", Document.class).get(0);
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        result.getList("byCategory", Document.class).forEach(g ->
                byCategory.put(String.valueOf(g.get("_id")), Hours.plain(Hours.of(g.get("hours")))));
        List<Document> teachers = result.getList("teachers", Document.class);
        long credited = teachers.isEmpty() ? 0 : teachers.get(0).get("n", Number.class).longValue();
        return new CreditTally(Hours.plain(Hours.of(total.get("hours"))), credited, byCategory,
                Stored.latest(total));
    }

    private static Bson inYear(SchoolYear year) {
        return Filters.eq("schoolYear", year.toString());
    }
}
