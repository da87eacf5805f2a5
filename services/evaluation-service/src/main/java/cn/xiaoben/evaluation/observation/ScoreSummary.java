package cn.xiaoben.evaluation.observation;

import java.util.List;
import java.util.Map;

/** A tally with the formula applied: rounded averages, the overall score, the weights and the formula itself. */
record ScoreSummary(String schoolYear, long observations, Map<String, Double> averages, Double overall,
                    Map<String, Double> weights, String formula, String formulaZh, List<DimensionScore> dimensions) {
}
