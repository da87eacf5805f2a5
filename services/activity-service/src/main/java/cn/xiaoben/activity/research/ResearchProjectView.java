package cn.xiaoben.activity.research;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A research project as the API shows it, with the stages it has passed through (oldest first). */
public record ResearchProjectView(String id, String districtId, String townshipId, String schoolId, String title,
                                  String level, String subject, String leaderId, String leaderName,
                                  List<String> memberIds, String stage, String stageZh, LocalDate stageOn,
                                  List<StageEntry> stages, long version, Instant registeredAt) {

    /** One stage reached: when, with what note and attachments, recorded by whom. */
    public record StageEntry(String stage, String stageZh, LocalDate on, String note, List<String> attachmentIds,
                             String recordedBy, Instant recordedAt) {

        static StageEntry of(Document d) {
            return new StageEntry(d.getString("stage"), ResearchStage.valueOf(d.getString("stage")).zh(),
                    LocalDate.parse(d.getString("on")), d.getString("note"), d.getList("attachmentIds", String.class),
                    d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
        }
    }

    static ResearchProjectView of(Document d) {
        String stage = d.getString("stage");
        return new ResearchProjectView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("title"), d.getString("level"), d.getString("subject"),
                d.getString("leaderId"), d.getString("leaderName"), d.getList("memberIds", String.class), stage,
                ResearchStage.valueOf(stage).zh(), LocalDate.parse(d.getString("stageOn")),
                d.getList("stages", Document.class).stream().map(StageEntry::of).toList(),
                ((Number) d.get("version")).longValue(), d.getDate("registeredAt").toInstant());
    }
}
