package cn.xiaoben.activity.observation;

import java.time.OffsetDateTime;

/** Filters, paging and order of an observation list. */
public record ObservationQuery(String schoolId, String observerId, String teacherId, String subject,
                               OffsetDateTime from, OffsetDateTime to, int page, int size, boolean newestFirst) {
}
