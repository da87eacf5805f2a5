package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A new revision of the lesson plan of a collective lesson preparation (集体备课): revision 1 is the first draft
 * (初稿), each later one a revised draft (修改稿). Keyed by the main preparer (主备人), whose work it is.
 * {@code districtId}, {@code townshipId}, {@code schoolId} are the main preparer's; {@code date} is the session's.
 */
public record LessonPlanRevised(String sessionId, String districtId, String townshipId, String schoolId,
                                String mainPreparerId, String hostId, String level, LocalDate date, int revision,
                                String attachmentId, String note, String revisedBy,
                                Instant revisedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return mainPreparerId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
