package cn.xiaoben.activity.research;

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

/**
 * The research projects a teacher leads (LEADER) or works in (MEMBER) that were under way in the range: applied
 * before its end and not concluded before its start. A project spanning two school years appears in both; its entry
 * is dated by its latest stage in the range (or its application, if no stage fell in the range).
 */
@Component
class ResearchPortfolio implements PortfolioSource {

    private final MongoCollection<Document> projects;

    ResearchPortfolio(MongoDatabase database) {
        this.projects = database.getCollection(ResearchProjects.COLLECTION);
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        projects.find(Filters.and(Filters.or(Filters.eq("leaderId", teacherId), Filters.eq("memberIds", teacherId)),
                Filters.lt("appliedOn", toExclusive.toString()))).forEach(d -> {
            List<Document> stages = d.getList("stages", Document.class, List.of());
            LocalDate date = LocalDate.parse(d.getString("appliedOn"));
            LocalDate concluded = null;
            for (Document stage : stages) {
                LocalDate on = LocalDate.parse(stage.getString("on"));
                if (!on.isBefore(from) && on.isBefore(toExclusive)) {
                    date = on;
                }
                if (ResearchStage.CONCLUDED.name().equals(stage.getString("stage"))) {
                    concluded = on;
                }
            }
            if (concluded != null && concluded.isBefore(from)) {
                return;
            }
            entries.add(new PortfolioEntry("RESEARCH_PROJECT", d.getString("_id"),
                    "/api/activities/research-projects/" + d.getString("_id"), date, d.getString("title"),
                    teacherId.equals(d.getString("leaderId")) ? "LEADER" : "MEMBER", d.getString("level"),
                    d.getString("stage"), Map.of("subject", d.getString("subject"), "stages", stages.size())));
        });
        return entries;
    }
}
