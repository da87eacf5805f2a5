package cn.xiaoben.activity.material;

import cn.xiaoben.activity.portfolio.PortfolioEntry;
import cn.xiaoben.activity.portfolio.PortfolioSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Teaching materials in the growth portfolio: form TEACHING_MATERIAL, role AUTHOR, dated when submitted. */
@Component
class TeachingMaterialPortfolio implements PortfolioSource {

    private final TeachingMaterials materials;

    TeachingMaterialPortfolio(TeachingMaterials materials) {
        this.materials = materials;
    }

    @Override
    public List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive) {
        return materials.submittedBy(teacherId, from, toExclusive).stream().map(d -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", d.getString("kind"));
            details.put("subject", d.getString("subject"));
            details.put("grade", d.getString("grade"));
            details.put("attachments", d.getList("attachmentIds", String.class).size());
            String id = d.getString("_id");
            return new PortfolioEntry("TEACHING_MATERIAL", id, "/api/activities/teaching-materials/" + id,
                    LocalDate.parse(d.getString("submittedOn")), d.getString("title"), "AUTHOR", null, null, details);
        }).toList();
    }
}
