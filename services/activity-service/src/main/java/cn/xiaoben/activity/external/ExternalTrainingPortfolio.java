package cn.xiaoben.activity.external;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * External training in the growth portfolio: form EXTERNAL_TRAINING, role CLAIMANT, dated by its first day, status
 * the claim's approval (CLAIMED until the credit service decides).
 */
@Component
class ExternalTrainingPortfolio implements PortfolioSource {

    private final ExternalTrainings trainings;

    ExternalTrainingPortfolio(ExternalTrainings trainings) {
        this.trainings = trainings;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        return trainings.startedBy(teacherId, from, toExclusive).stream().map(d -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", d.getString("kind"));
            details.put("organizer", d.getString("organizer"));
            details.put("place", d.getString("place"));
            details.put("endDate", d.getString("endDate"));
            details.put("hours", d.get("hours", Decimal128.class).bigDecimalValue());
            String id = d.getString("_id");
            return new PortfolioEntry("EXTERNAL_TRAINING", id, "/api/activities/external-trainings/" + id,
                    LocalDate.parse(d.getString("startDate")), d.getString("title"), "CLAIMANT",
                    d.getString("level"), d.getString("approval"), details);
        }).toList();
    }
}
