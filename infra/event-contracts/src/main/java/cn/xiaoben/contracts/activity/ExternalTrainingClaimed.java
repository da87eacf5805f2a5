package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher claimed an external training or observation (外出培训 / 外出听课) with its certificate(s). A claim, not yet
 * an approval: approving it (and crediting hours) belongs to the credit service. Keyed by the teacher. {@code kind}
 * is {@code TRAINING} or {@code OBSERVATION}; {@code level} is {@code COUNTY}, {@code CITY}, {@code PROVINCE} or
 * {@code NATIONAL} (国培); dates are civil dates in China Standard Time.
 */
public record ExternalTrainingClaimed(String trainingId, String districtId, String townshipId, String schoolId,
                                      String teacherId, String kind, String title, String organizer, String level,
                                      String place, LocalDate startDate, LocalDate endDate, BigDecimal hours,
                                      List<String> certificateAttachmentIds, Instant claimedAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return trainingId;
    }
}
