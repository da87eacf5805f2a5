package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's online study (网络研修) was recorded: a course on a platform (e.g. 国家中小学智慧教育平台), its hours (0.5
 * to 200 in steps of 0.5, as the certificate states) and the date it was completed (China Standard Time). Keyed by
 * the teacher.
 */
public record OnlineStudyRecorded(String studyId, String districtId, String townshipId, String schoolId,
                                  String teacherId, String platform, String course, BigDecimal hours,
                                  LocalDate completedOn, List<String> certificateAttachmentIds,
                                  Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return studyId;
    }
}
