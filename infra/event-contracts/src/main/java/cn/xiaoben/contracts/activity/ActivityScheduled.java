package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A PD session (研修活动: 主题教研, 集体备课 …) was planned for a time and a set of participants. Keyed by the host
 * teacher. {@code slotId} names the school's weekly PD slot it was planned from, if any.
 *
 * <p>Form-specific people (additive, null where the form has none): {@code hostUnit} SCHOOL / GROUP / TOWNSHIP /
 * COUNTY (who organises it); {@code speakerId} (中心发言人 of a themed session, a lecture's speaker when a teacher) or
 * {@code speakerName} (an outside lecturer); {@code mainPreparerId} (主备人 of a collective preparation);
 * {@code teachingTeacherIds} (who teach the lesson: 同课异构 ≥ 2, an open lesson 1); {@code lessonKind} of an open
 * lesson: OPEN / DEMONSTRATION / OBSERVATION / REPORT (公开课 / 示范课 / 观摩课 / 汇报课).
 */
public record ActivityScheduled(String sessionId, String districtId, String townshipId, String schoolId,
                                String subjectGroupId, String form, String level, String topic, String hostId,
                                OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String place,
                                List<String> participantIds, String slotId, Instant scheduledAt, String hostUnit,
                                String speakerId, String speakerName, String mainPreparerId,
                                List<String> teachingTeacherIds, String lessonKind) implements DomainEvent {

    /** Without the form's people (generic sessions, producers before issue 3): those fields are null. */
    public ActivityScheduled(String sessionId, String districtId, String townshipId, String schoolId,
                             String subjectGroupId, String form, String level, String topic, String hostId,
                             OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String place,
                             List<String> participantIds, String slotId, Instant scheduledAt) {
        this(sessionId, districtId, townshipId, schoolId, subjectGroupId, form, level, topic, hostId, plannedStart,
                plannedEnd, place, participantIds, slotId, scheduledAt, null, null, null, null, null, null);
    }

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
