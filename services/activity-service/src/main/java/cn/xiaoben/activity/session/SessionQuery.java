package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;

import java.time.OffsetDateTime;

/**
 * Filters of the session list: school (host or participating), subject group, status, form, level, host unit, a
 * teacher (host, participant, speaker, teaching or main preparer), planned start in {@code [from, to)}; sorted by
 * planned start, {@code oldest} first (default) or {@code newest} first.
 */
public record SessionQuery(String schoolId, String groupId, SessionStatus status, SessionForm form,
                           ActivityLevel level, HostUnit hostUnit, String teacherId, OffsetDateTime from,
                           OffsetDateTime to, String sort, int page, int size) {
}
