package cn.xiaoben.activity.paper;

import cn.xiaoben.activity.portfolio.DateRange;
import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Papers and cases a teacher (co-)authored, dated by publication or award: role AUTHOR. */
@Component
class PaperPortfolio implements PortfolioSource {

    private final MongoCollection<Document> papers;

    PaperPortfolio(MongoDatabase database) {
        this.papers = database.getCollection(Papers.COLLECTION);
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        papers.find(Filters.and(Filters.eq("authorIds", teacherId),
                DateRange.onDateField("publishedOn", from, toExclusive))).forEach(d -> {
            Map<String, Object> details = new HashMap<>();
            details.put("kind", d.getString("kind"));
            details.put("outletType", d.getString("outletType"));
            details.put("outletName", d.getString("outletName"));
            details.put("awardGrade", d.getString("awardGrade"));
            details.put("mainAuthor", teacherId.equals(d.getString("mainAuthorId")));
            entries.add(new PortfolioEntry("PAPER", d.getString("_id"), "/api/activities/papers/" + d.getString("_id"),
                    LocalDate.parse(d.getString("publishedOn")), d.getString("title"), "AUTHOR",
                    d.getString("level"), null, details));
        });
        return entries;
    }
}
