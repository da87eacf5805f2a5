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
import java.util.List;

/**
 * The append-only credit ledger: one document per entry, never edited (a correction will be a voiding entry).
 * Totals are derived from the entries, never stored beside them. Declined awards (cap reached, …) are kept apart
 * with their reason.
 */
@Component
public class CreditLedger {

    public static final String ENTRIES = "ledger_entries";
    public static final String DECLINES = "credit_declines";

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
        declines.createIndex(Indexes.ascending("teacherId", "schoolYear"));
    }

    /** Hours standing in the ledger for a teacher, school year and category. */
    public BigDecimal awarded(String teacherId, String schoolYear, String category) {
        Document sum = entries.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("teacherId", teacherId), Filters.eq("schoolYear", schoolYear),
                        Filters.eq("category", category))),
                Aggregates.group(null, Accumulators.sum("hours", "$hours")))).first();
        return sum == null ? BigDecimal.ZERO : hours(sum.get("hours"));
    }

    public List<Document> entriesOf(String teacherId, String schoolYear) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teacherId", teacherId)));
        if (schoolYear != null) {
            filters.add(Filters.eq("schoolYear", schoolYear));
        }
        return entries.find(Filters.and(filters)).sort(Sorts.descending("activityDate"))
                .into(new ArrayList<>());
    }

    public List<Document> totalsOf(String teacherId, String schoolYear) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teacherId", teacherId)));
        if (schoolYear != null) {
            filters.add(Filters.eq("schoolYear", schoolYear));
        }
        return entries.aggregate(List.of(
                Aggregates.match(Filters.and(filters)),
                Aggregates.group(new Document("schoolYear", "$schoolYear").append("category", "$category"),
                        Accumulators.sum("hours", "$hours"), Accumulators.sum("entries", 1)),
                Aggregates.sort(Sorts.ascending("_id.schoolYear", "_id.category")))).into(new ArrayList<>());
    }

    public long declinesOf(String teacherId, String schoolYear) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("teacherId", teacherId)));
        if (schoolYear != null) {
            filters.add(Filters.eq("schoolYear", schoolYear));
        }
        return declines.countDocuments(Filters.and(filters));
    }

    public static BigDecimal hours(Object value) {
        return new BigDecimal(String.valueOf(((Number) value).doubleValue())).setScale(1, RoundingMode.HALF_UP);
    }
}
