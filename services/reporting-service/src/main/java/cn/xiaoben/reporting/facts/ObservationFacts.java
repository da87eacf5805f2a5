package cn.xiaoben.reporting.facts;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.activity.LessonObserved;
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
 * One append-only fact per lesson observation ({@code _id} = the observation id, so a redelivered, replayed or
 * re-published event adds nothing), counted on read. A fact belongs to the school where the lesson was observed.
 */
@Component
public class ObservationFacts {

    static final String COLLECTION = "observation_facts";

    private final MongoCollection<Document> facts;
    private final IdempotentWrites writes;

    public ObservationFacts(MongoDatabase database, IdempotentWrites writes) {
        this.facts = database.getCollection(COLLECTION);
        this.writes = writes;
    }

    @PostConstruct
    void indexes() {
        facts.createIndex(Indexes.ascending("schoolId", "schoolYear"));
        facts.createIndex(Indexes.ascending("teacherId", "schoolYear"));
        facts.createIndex(Indexes.ascending("observerId", "schoolYear"));
    }

    /** Stores the observation once; false when it was already there. */
    public boolean record(LessonObserved o, String eventId, Instant storedAt) {
        LocalDate date = PlatformTime.dateOf(o.observedAt());
        Document fact = new Document("_id", o.observationId())
                .append("eventId", eventId)
                .append("districtId", o.districtId()).append("townshipId", o.townshipId())
                .append("schoolId", o.schoolId())
                .append("observerId", o.observerId()).append("teacherId", o.teacherId())
                .append("subject", o.subject()).append("grade", o.grade()).append("topic", o.topic())
                .append("observedAt", PlatformTime.local(o.observedAt()).toString())
                .append("observedAtInstant", Date.from(o.observedAt().toInstant()))
                .append("date", date.toString())
                .append("month", date.toString().substring(0, 7))
                .append("schoolYear", SchoolYear.of(date).toString())
                .append("durationMinutes", o.durationMinutes())
                .append(Stored.AT, Date.from(storedAt));
        return writes.insertOnce(COLLECTION, fact);
    }

    public ObservationTally schoolTally(String schoolId, SchoolYear year) {
        Document result = facts.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("schoolId", schoolId), inYear(year))),
                Aggregates.facet(
                        new Facet("total", Aggregates.group(null, Accumulators.sum("n", 1),
                                Accumulators.max("lastStoredAt", "$" + Stored.AT))),
                        new Facet("bySubject", Aggregates.group("$subject", Accumulators.sum("n", 1)),
                                Aggregates.sort(Sorts.ascending("_id"))),
                        new Facet("byMonth", Aggregates.group("$month", Accumulators.sum("n", 1)),
                                Aggregates.sort(Sorts.ascending("_id")))))).first();
        List<Document> total = result == null ? List.of() : result.getList("total", Document.class);
        Document all = total.isEmpty() ? null : total.get(0);
        return new ObservationTally(all == null ? 0 : count(all), counts(result, "bySubject"), counts(result, "byMonth"),
                Stored.latest(all));
    }

    /** Observations per school of {@code schoolIds} in the year. */
    public Map<String, SchoolActivity> countBySchool(Collection<String> schoolIds, SchoolYear year) {
        Map<String, SchoolActivity> bySchool = new HashMap<>();
        facts.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.in("schoolId", schoolIds), inYear(year))),
                Aggregates.group("$schoolId", Accumulators.sum("n", 1),
                        Accumulators.max("lastStoredAt", "$" + Stored.AT)))).forEach(g ->
                bySchool.put(g.getString("_id"), new SchoolActivity(count(g), BigDecimal.ZERO, 0,
                        Stored.latest(g))));
        return bySchool;
    }

    public TeacherObservations teacherTally(String teacherId, SchoolYear year) {
        Bson asObserver = Filters.and(Filters.eq("observerId", teacherId), inYear(year));
        Bson asObserved = Filters.and(Filters.eq("teacherId", teacherId), inYear(year));
        long given = facts.countDocuments(asObserver);
        long received = facts.countDocuments(asObserved);
        Document latest = facts.find(Filters.or(asObserver, asObserved))
                .sort(Sorts.descending("observedAtInstant")).limit(1).first();
        Document stored = facts.find(Filters.or(asObserver, asObserved))
                .sort(Sorts.descending(Stored.AT)).limit(1).first();
        return new TeacherObservations(given, received, latest == null ? null : new TeacherObservations.Latest(
                latest.getString("_id"), LocalDate.parse(latest.getString("date")),
                teacherId.equals(latest.getString("observerId")) ? "observer" : "observed",
                latest.getString("subject"), latest.getString("grade"), latest.getString("topic")),
                stored == null ? null : stored.getDate(Stored.AT).toInstant());
    }

    private static Bson inYear(SchoolYear year) {
        return Filters.eq("schoolYear", year.toString());
    }

    private static long count(Document group) {
        return group.get("n", Number.class).longValue();
    }

    private static Map<String, Long> counts(Document facetResult, String facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (facetResult != null) {
            facetResult.getList(facet, Document.class).forEach(g ->
                    counts.put(String.valueOf(g.get("_id")), count(g)));
        }
        return counts;
    }
}
