package cn.xiaoben.contracts.credit;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * The bureau put a version of a district's credit rule set for a school year in force. Keyed by the district (the
 * rules are district-wide); {@code contentHash} (SHA-256 of the canonical rule set) identifies the content.
 */
public record CreditRulesPublished(String ruleSetId, String districtId, String schoolYear, int version, String name,
                                   String contentHash, List<String> categories, int rules, List<String> requirements,
                                   String publishedBy, Instant publishedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return districtId;
    }

    @Override
    public String eventSubject() {
        return ruleSetId;
    }
}
