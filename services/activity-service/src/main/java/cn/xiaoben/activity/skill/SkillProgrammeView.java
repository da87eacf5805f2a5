package cn.xiaoben.activity.skill;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A teacher's skill programme as the API shows it: its modules (with completion dates) and its result. */
public record SkillProgrammeView(String id, String districtId, String townshipId, String schoolId, String teacherId,
                                 String teacherName, String programme, String level, List<Module> modules,
                                 int completedModules, LocalDate enrolledOn, String status, LocalDate resultOn,
                                 BigDecimal score, long version, Instant enrolledAt) {

    /** One module: its number (from 1), name and, once completed, when. */
    public record Module(int number, String name, LocalDate completedOn) {

        static Module of(Document d) {
            String on = d.getString("completedOn");
            return new Module(d.getInteger("number"), d.getString("name"), on == null ? null : LocalDate.parse(on));
        }
    }

    static SkillProgrammeView of(Document d) {
        List<Module> modules = d.getList("modules", Document.class).stream().map(Module::of).toList();
        String resultOn = d.getString("resultOn");
        Decimal128 score = d.get("score", Decimal128.class);
        return new SkillProgrammeView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"),
                d.getString("programme"), d.getString("level"), modules,
                (int) modules.stream().filter(m -> m.completedOn() != null).count(),
                LocalDate.parse(d.getString("enrolledOn")), d.getString("status"),
                resultOn == null ? null : LocalDate.parse(resultOn), score == null ? null : score.bigDecimalValue(),
                ((Number) d.get("version")).longValue(), d.getDate("enrolledAt").toInstant());
    }
}
