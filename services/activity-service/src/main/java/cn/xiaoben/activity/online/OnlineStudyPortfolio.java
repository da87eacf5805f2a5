package cn.xiaoben.activity.online;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Online study in the growth portfolio: form ONLINE_STUDY, role LEARNER, dated when the course was completed. */
@Component
class OnlineStudyPortfolio implements PortfolioSource {

    private final OnlineStudies studies;

    OnlineStudyPortfolio(OnlineStudies studies) {
        this.studies = studies;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        return studies.completedBy(teacherId, from, toExclusive).stream().map(d -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("platform", d.getString("platform"));
            details.put("hours", d.get("hours", Decimal128.class).bigDecimalValue());
            details.put("certificates", d.getList("certificateAttachmentIds", String.class).size());
            String id = d.getString("_id");
            return new PortfolioEntry("ONLINE_STUDY", id, "/api/activities/online-studies/" + id,
                    LocalDate.parse(d.getString("completedOn")), d.getString("course"), "LEARNER", null, null,
                    details);
        }).toList();
    }
}
