package cn.xiaoben.evaluation.observation;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One append-only fact per lesson observation, with the observed teacher's rubric scores; averages are computed on
 * read. A fact's {@code _id} is the observation id, so an event delivered, replayed or re-published again (under its
 * own event id or, should it ever happen, under a new one) adds nothing.
 */
@Component
public class ObservationScoreFacts {

    static final String COLLECTION = "observation_scores";

    private final MongoCollection<Document> facts;
    private final IdempotentWrites writes;

    public ObservationScoreFacts(MongoDatabase database, IdempotentWrites writes) {
        this.facts = database.getCollection(COLLECTION);
        this.writes = writes;
    }

    @PostConstruct
    void indexes() {
        facts.createIndex(Indexes.ascending("teacherId", "schoolYear"));
    }

    /** Stores the observation's scores once; false when it was already there. */
    public boolean record(LessonObserved observation, String eventId, Instant storedAt) {
        Document scores = new Document();
        observation.scores().forEach(scores::append);
        Document fact = new Document("_id", observation.observationId())
                .append("eventId", eventId)
                .append("teacherId", observation.teacherId())
                .append("observerId", observation.observerId())
                .append("districtId", observation.districtId())
                .append("townshipId", observation.townshipId())
                .append("schoolId", observation.schoolId())
                .append("subject", observation.subject())
                .append("grade", observation.grade())
                .append("observedAt", PlatformTime.local(observation.observedAt()).toString())
                .append("observedAtInstant", Date.from(observation.observedAt().toInstant()))
                .append("schoolYear", SchoolYear.containing(observation.observedAt()).toString())
                .append("scores", scores)
                .append("storedAt", Date.from(storedAt));
        return writes.insertOnce(COLLECTION, fact);
    }

    /** The teacher's tally over one school year, or over all time when {@code year} is null. */
    public ScoreTally tally(String teacherId, SchoolYear year) {
        Bson match = year == null ? Filters.eq("teacherId", teacherId)
                : Filters.and(Filters.eq("teacherId", teacherId), Filters.eq("schoolYear", year.toString()));
        Document group = facts.aggregate(List.of(Aggregates.match(match), Aggregates.group(null, accumulators())))
                .first();
        return group == null ? ScoreTally.empty(year == null ? null : year.toString()) : tally(group, year);
    }

    /** The teacher's tallies per school year, oldest first. */
    public List<ScoreTally> tallyByYear(String teacherId) {
        List<ScoreTally> years = new ArrayList<>();
        facts.aggregate(List.of(Aggregates.match(Filters.eq("teacherId", teacherId)),
                        Aggregates.group("$schoolYear", accumulators()), Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(g -> years.add(tally(g, null)));
        return years;
    }

    private static List<BsonField> accumulators() {
        List<BsonField> fields = new ArrayList<>();
        fields.add(Accumulators.sum("observations", 1));
        for (RubricDimension d : RubricDimension.ALL) {
            String value = "$" + d.field();
            fields.add(Accumulators.avg(d.name(), value));
            // how many observations scored this dimension ($avg skips the ones that did not)
            fields.add(Accumulators.sum(d.name() + "Scored",
                    new Document("$cond", List.of(new Document("$gt", Arrays.asList(value, null)), 1, 0))));
        }
        return fields;
    }

    private static ScoreTally tally(Document group, SchoolYear year) {
        LinkedHashMap<RubricDimension, ScoreTally.Dimension> dimensions = new LinkedHashMap<>();
        for (RubricDimension d : RubricDimension.ALL) {
            Number average = group.get(d.name(), Number.class);
            Number scored = group.get(d.name() + "Scored", Number.class);
            dimensions.put(d, new ScoreTally.Dimension(average == null ? null : average.doubleValue(),
                    scored == null ? 0 : scored.longValue()));
        }
        String schoolYear = year != null ? year.toString() : group.get("_id") instanceof String s ? s : null;
        return new ScoreTally(schoolYear, group.get("observations", Number.class).longValue(), dimensions);
    }
}
