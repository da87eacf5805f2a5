package cn.xiaoben.activity.research;

/** Filters and paging of a list of research projects; {@code teacherId} matches the leader or any member. */
public record ResearchProjectQuery(String schoolId, ResearchStage stage, ResearchLevel level, String teacherId,
                                   int page, int size) {
}
