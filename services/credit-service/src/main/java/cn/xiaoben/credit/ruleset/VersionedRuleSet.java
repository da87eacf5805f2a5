package cn.xiaoben.credit.ruleset;

import java.time.Instant;

/**
 * One version of a district's rule set for a school year. {@code status} DRAFT, PUBLISHED or DEFAULT (the bundled
 * rules, version 0, in force until the bureau publishes its own).
 */
public record VersionedRuleSet(String id, String districtId, String schoolYear, int version, String status,
                               String contentHash, RuleSet ruleSet, String createdBy, Instant createdAt,
                               String publishedBy, Instant publishedAt) {
}
