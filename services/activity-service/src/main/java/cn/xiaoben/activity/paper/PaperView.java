package cn.xiaoben.activity.paper;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A paper or case as the API shows it. */
public record PaperView(String id, String districtId, String townshipId, String schoolId, String mainAuthorId,
                        List<String> authorIds, List<String> authorNames, String title, String kind, Outlet outlet,
                        String level, String awardGrade, LocalDate publishedOn, List<String> attachmentIds,
                        Instant recordedAt) {

    public record Outlet(String type, String name) {
    }

    static PaperView of(Document d) {
        return new PaperView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("mainAuthorId"), d.getList("authorIds", String.class),
                d.getList("authorNames", String.class), d.getString("title"), d.getString("kind"),
                new Outlet(d.getString("outletType"), d.getString("outletName")), d.getString("level"),
                d.getString("awardGrade"), LocalDate.parse(d.getString("publishedOn")),
                d.getList("attachmentIds", String.class), d.getDate("recordedAt").toInstant());
    }
}
