package cn.xiaoben.activity.competition;

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
import java.util.List;
import java.util.Map;

/** A teacher's competition results: role CONTESTANT, details kind and result. */
@Component
class CompetitionPortfolio implements PortfolioSource {

    private final MongoCollection<Document> results;

    CompetitionPortfolio(MongoDatabase database) {
        this.results = database.getCollection(CompetitionResults.COLLECTION);
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        results.find(Filters.and(Filters.eq("teacherId", teacherId), DateRange.onDateField("heldOn", from, toExclusive)))
                .forEach(d -> entries.add(new PortfolioEntry("COMPETITION", d.getString("_id"),
                        "/api/activities/competition-results/" + d.getString("_id"),
                        LocalDate.parse(d.getString("heldOn")), d.getString("competition"), "CONTESTANT",
                        d.getString("level"), null, Map.of("kind", d.getString("kind"),
                        "result", d.getString("result")))));
        return entries;
    }
}
