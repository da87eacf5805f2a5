package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school registered a research project (课题研究) at its application stage (申报, {@code APPLIED}). Keyed by the
 * project leader. {@code level} is {@code SCHOOL}, {@code TOWNSHIP}, {@code COUNTY}, {@code CITY}, {@code PROVINCE}
 * or {@code NATIONAL}; {@code appliedOn} is a civil date in China Standard Time.
 */
public record ResearchProjectRegistered(String projectId, String districtId, String townshipId, String schoolId,
                                        String title, String level, String subject, String leaderId,
                                        List<String> memberIds, String stage, LocalDate appliedOn,
                                        Instant registeredAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return leaderId;
    }

    @Override
    public String eventSubject() {
        return projectId;
    }
}
