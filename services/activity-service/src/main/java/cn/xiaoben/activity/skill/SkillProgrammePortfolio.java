package cn.xiaoben.activity.skill;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Skill programmes in the growth portfolio: form SKILL_PROGRAMME, role LEARNER, status ENROLLED / PASSED / FAILED,
 * dated by that status (the enrolment, or the result once there is one).
 */
@Component
class SkillProgrammePortfolio implements PortfolioSource {

    private final SkillProgrammes programmes;

    SkillProgrammePortfolio(SkillProgrammes programmes) {
        this.programmes = programmes;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        return programmes.ofTeacher(teacherId, from, toExclusive).stream().map(d -> {
            List<Document> modules = d.getList("modules", Document.class);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("enrolledOn", d.getString("enrolledOn"));
            details.put("modules", modules.size());
            details.put("completedModules", modules.stream().filter(m -> m.getString("completedOn") != null).count());
            Decimal128 score = d.get("score", Decimal128.class);
            details.put("score", score == null ? null : score.bigDecimalValue());
            String id = d.getString("_id");
            return new PortfolioEntry("SKILL_PROGRAMME", id, "/api/activities/skill-programmes/" + id,
                    LocalDate.parse(d.getString("statusOn")), d.getString("programme"), "LEARNER",
                    d.getString("level"), d.getString("status"), details);
        }).toList();
    }
}
