package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A research project (课题研究) moved to its next stage: APPLIED (申报) → APPROVED (立项) → OPENED (开题) → MIDTERM
 * (中期) → CONCLUDED (结题), never skipping one. Keyed by the project leader. {@code on} is the civil date (China
 * Standard Time) the stage was reached.
 */
public record ResearchProjectAdvanced(String projectId, String districtId, String townshipId, String schoolId,
                                      String leaderId, List<String> memberIds, String level, String fromStage,
                                      String toStage, LocalDate on, Instant advancedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return leaderId;
    }

    @Override
    public String eventSubject() {
        return projectId;
    }
}
