package cn.xiaoben.activity.session;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions in a teacher's growth portfolio: one entry per session (not cancelled) the teacher hosted, spoke at,
 * taught in, main-prepared or took part in. {@code role} is the strongest part: HOST, then SPEAKER / TEACHING /
 * MAIN_PREPARER, then PARTICIPANT; {@code status} PLANNED, OPEN or HELD; details: the attendance mark and minutes
 * once held, the host unit, the open lesson's kind, the lesson or book, and how many lesson plan revisions and
 * minutes versions the session has.
 */
@Component
class SessionPortfolio implements PortfolioSource {

    private final Sessions sessions;

    SessionPortfolio(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        List<PortfolioEntry> entries = new ArrayList<>();
        sessions.collection().find(Filters.and(
                Filters.ne("status", SessionStatus.CANCELLED.name()),
                Filters.gte("date", from.toString()), Filters.lt("date", toExclusive.toString()),
                Filters.or(Filters.eq("hostId", teacherId), Filters.eq("participants.teacherId", teacherId),
                        Filters.eq("speakerId", teacherId), Filters.eq("mainPreparerId", teacherId),
                        Filters.eq("teachingTeacherIds", teacherId)))).forEach(doc -> entries.add(entry(doc, teacherId)));
        return entries;
    }

    private static PortfolioEntry entry(Document doc, String teacherId) {
        SessionDetails details = SessionDetails.of(doc);
        String contribution = details.contribution(teacherId);
        String role = teacherId.equals(doc.getString("hostId")) ? "HOST"
                : contribution != null ? contribution : "PARTICIPANT";
        Map<String, Object> facts = new LinkedHashMap<>();
        Sessions.attendance(doc).stream().filter(r -> teacherId.equals(r.getString("teacherId"))).findFirst()
                .ifPresent(r -> {
                    facts.put("mark", r.getString("mark"));
                    facts.put("attendedMinutes", r.getInteger("attendedMinutes"));
                });
        facts.put("contribution", contribution);
        facts.put("hostUnit", details.hostUnit().name());
        facts.put("lessonKind", details.lessonKindName());
        if (details.lessonContent() != null) {
            facts.put("lesson", details.lessonContent().subject() + " " + details.lessonContent().grade() + " "
                    + details.lessonContent().title());
        }
        if (details.book() != null) {
            facts.put("book", details.book().title());
        }
        int revisions = doc.getList("lessonPlan", Document.class, List.of()).size();
        facts.put("lessonPlanRevisions", revisions == 0 ? null : revisions);
        int minutes = doc.getList("minutes", Document.class, List.of()).size();
        facts.put("minutesVersions", minutes == 0 ? null : minutes);
        String id = doc.getString("_id");
        return new PortfolioEntry(doc.getString("form"), id, "/api/activities/sessions/" + id,
                LocalDate.parse(doc.getString("date")), doc.getString("topic"), role, doc.getString("level"),
                doc.getString("status"), facts);
    }
}
