package cn.xiaoben.activity.mentorship;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mentoring pairs in the growth portfolio: form MENTORSHIP, one entry per pairing dated when it started, role MENTOR
 * or MENTEE; details name the counterpart and count the checkpoints.
 */
@Component
class MentorshipPortfolio implements PortfolioSource {

    private final Mentorships mentorships;

    MentorshipPortfolio(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        return mentorships.involvingTeacher(teacherId, from, toExclusive).stream().map(d -> {
            boolean mentor = teacherId.equals(d.getString("mentorId"));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("schoolYear", d.getString("schoolYear"));
            details.put("counterpartId", d.getString(mentor ? "menteeId" : "mentorId"));
            details.put("counterpartName", d.getString(mentor ? "menteeName" : "mentorName"));
            details.put("checkpoints", d.getList("checkpoints", Document.class).size());
            details.put("goals", d.getList("goals", String.class).size());
            String id = d.getString("_id");
            return new PortfolioEntry("MENTORSHIP", id, "/api/activities/mentorships/" + id,
                    LocalDate.parse(d.getString("startedOn")),
                    "师徒结对（" + d.getString("schoolYear") + "学年）：" + d.getString("mentorName") + " → "
                            + d.getString("menteeName"),
                    mentor ? "MENTOR" : "MENTEE", null, null, details);
        }).toList();
    }
}
