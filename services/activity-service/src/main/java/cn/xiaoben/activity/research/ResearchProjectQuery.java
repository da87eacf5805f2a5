package cn.xiaoben.activity.research;

import cn.xiaoben.activity.level.ActivityLevel;
/** Filters and paging of a list of research projects; {@code teacherId} matches the leader or any member. */
public record ResearchProjectQuery(String schoolId, ResearchStage stage, ActivityLevel level, String teacherId,
                                   int page, int size) {
}
