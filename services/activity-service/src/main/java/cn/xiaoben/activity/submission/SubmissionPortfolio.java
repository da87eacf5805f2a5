package cn.xiaoben.activity.submission;

import cn.xiaoben.activity.portfolio.DateRange;
import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A teacher's reflections (REFLECTION) and reading notes (READING_NOTE) as portfolio entries: role AUTHOR. */
@Component
class SubmissionPortfolio implements PortfolioSource {

    private final MongoDatabase database;

    SubmissionPortfolio(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        add(entries, TeacherSubmissions.REFLECTIONS, "REFLECTION", "reflections", teacherId, from, toExclusive);
        add(entries, TeacherSubmissions.READING_NOTES, "READING_NOTE", "reading-notes", teacherId, from, toExclusive);
        return entries;
    }

    private void add(List<PortfolioEntry> entries, String collection, String form, String path, String teacherId,
                     LocalDate from, LocalDate toExclusive) {
        database.getCollection(collection).find(Filters.and(Filters.eq("teacherId", teacherId),
                DateRange.onDateField("writtenOn", from, toExclusive))).forEach(d -> {
            Map<String, Object> details = new HashMap<>();
            details.put("kind", d.getString("kind"));
            details.put("wordCount", d.getInteger("wordCount"));
            details.put("bookTitle", d.getString("bookTitle"));
            entries.add(new PortfolioEntry(form, d.getString("_id"), "/api/activities/" + path + "/" + d.getString("_id"),
                    LocalDate.parse(d.getString("writtenOn")), d.getString("title"), "AUTHOR", null, null, details));
        });
    }
}
