package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The minutes (纪要 / 观点交流) of a held PD session were recorded: {@code version} 1 is the first text, each later
 * version replaces it for reading while the older ones are kept. No full text, only the word count (字数). Keyed by
 * the host, who is responsible for the session's records.
 */
public record SessionMinutesRecorded(String sessionId, String districtId, String townshipId, String schoolId,
                                     String form, String level, String hostId, LocalDate date, int version,
                                     int wordCount, List<String> attachmentIds, String recordedBy,
                                     Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return hostId;
    }

    @Override
    public String eventSubject() {
        return sessionId;
    }
}
