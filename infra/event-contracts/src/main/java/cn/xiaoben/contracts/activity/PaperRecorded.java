package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published or award-winning paper or case (论文 / 案例) was recorded for one or more teachers of a school. Keyed by
 * the main author (the first of {@code authorIds}). {@code kind} is {@code PAPER} or {@code CASE}; {@code outletType}
 * is {@code JOURNAL} (published in a journal named {@code outletName}) or {@code AWARD} (won {@code awardGrade} in the
 * appraisal named {@code outletName}); {@code awardGrade} is null for journals. {@code level} is the level of the
 * journal or appraisal, {@code SCHOOL} to {@code NATIONAL}; {@code publishedOn} is a civil date in China Standard Time.
 */
public record PaperRecorded(String paperId, String districtId, String townshipId, String schoolId,
                            String mainAuthorId, List<String> authorIds, String title, String kind,
                            String outletType, String outletName, String level, String awardGrade,
                            LocalDate publishedOn, List<String> attachmentIds, Instant recordedAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return mainAuthorId;
    }

    @Override
    public String eventSubject() {
        return paperId;
    }
}
