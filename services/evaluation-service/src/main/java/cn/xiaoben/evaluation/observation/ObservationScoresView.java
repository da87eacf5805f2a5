package cn.xiaoben.evaluation.observation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A teacher's lesson-observation scores as the API shows them: the averages per rubric dimension, the overall score
 * with the weights and formula that made it, and (over all time) the same per school year. {@code schoolYear} is
 * null for all time. {@code schoolId} is the teacher's current school; observations at earlier schools count too.
 */
public record ObservationScoresView(String teacherId, String teacherName, String schoolId, String schoolYear,
                                    long observations, Map<String, Double> averages, Double overall,
                                    Map<String, Double> weights, String formula, String formulaZh,
                                    List<DimensionScore> dimensions,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) List<YearScores> byYear) {
}
