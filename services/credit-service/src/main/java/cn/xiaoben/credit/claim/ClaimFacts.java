package cn.xiaoben.credit.claim;

import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/** The activity fact a claim waits to award, stored in the claim as it was decided, so approval awards exactly it. */
final class ClaimFacts {

    private ClaimFacts() {
    }

    static Document toDocument(CreditFact f) {
        return new Document("sourceKey", f.sourceKey()).append("eventId", f.eventId())
                .append("eventType", f.eventType()).append("sourceId", f.sourceId()).append("fact", f.fact().name())
                .append("teacherId", f.teacherId()).append("role", f.role()).append("districtId", f.districtId())
                .append("schoolId", f.schoolId()).append("date", f.date().toString()).append("level", f.level())
                .append("form", f.form()).append("kinds", List.copyOf(f.kinds())).append("grade", f.grade())
                .append("minutes", f.minutes())
                .append("declaredHours", f.declaredHours() == null ? null : f.declaredHours().toPlainString())
                .append("attended", f.attended());
    }

    static CreditFact fromDocument(Document d) {
        String declared = d.getString("declaredHours");
        return new CreditFact(d.getString("sourceKey"), d.getString("eventId"), d.getString("eventType"),
                d.getString("sourceId"), Fact.valueOf(d.getString("fact")), d.getString("teacherId"),
                d.getString("role"), d.getString("districtId"), d.getString("schoolId"),
                LocalDate.parse(d.getString("date")), d.getString("level"), d.getString("form"),
                new HashSet<>(d.getList("kinds", String.class)), d.getString("grade"), d.getInteger("minutes"),
                declared == null ? null : new BigDecimal(declared), d.getBoolean("attended", true));
    }
}
