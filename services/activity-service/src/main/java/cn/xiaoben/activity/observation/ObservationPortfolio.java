package cn.xiaoben.activity.observation;

import cn.xiaoben.activity.portfolio.DateRange;
import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import cn.xiaoben.contracts.PlatformTime;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lessons a teacher observed (听课评课) as portfolio entries: role OBSERVER. */
@Component
class ObservationPortfolio implements PortfolioSource {

    private final MongoCollection<Document> observations;

    ObservationPortfolio(MongoDatabase database) {
        this.observations = database.getCollection(LessonObservations.COLLECTION);
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        observations.find(Filters.and(Filters.eq("observerId", teacherId),
                        DateRange.onInstantField("observedAtInstant", from, toExclusive)))
                .forEach(d -> entries.add(new PortfolioEntry("LESSON_OBSERVATION", d.getString("_id"),
                        "/api/activities/lesson-observations/" + d.getString("_id"),
                        PlatformTime.dateOf(OffsetDateTime.parse(d.getString("observedAt"))), d.getString("topic"),
                        "OBSERVER", null, null, Map.of("observedTeacherName", d.getString("teacherName"),
                        "subject", d.getString("subject"), "grade", d.getString("grade"),
                        "durationMinutes", d.getInteger("durationMinutes")))));
        return entries;
    }
}
