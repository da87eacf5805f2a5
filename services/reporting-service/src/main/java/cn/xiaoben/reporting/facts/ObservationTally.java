package cn.xiaoben.reporting.facts;

import java.time.Instant;
import java.util.Map;

/** Lesson observations held at a school in a school year: how many, per subject and per month (YYYY-MM). */
public record ObservationTally(long total, Map<String, Long> bySubject, Map<String, Long> byMonth,
                               Instant lastStoredAt) {
}
