package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school paired a mentor with a mentee (师徒结对 / 青蓝工程) for a school year ({@code 2026-2027}); at most one pairing
 * per mentee and school year. Keyed by the mentee. {@code startedOn} is a civil date in China Standard Time.
 */
public record MentorshipFormed(String mentorshipId, String districtId, String townshipId, String schoolId,
                               String mentorId, String menteeId, String schoolYear, List<String> goals,
                               LocalDate startedOn, Instant formedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return menteeId;
    }

    @Override
    public String eventSubject() {
        return mentorshipId;
    }
}
