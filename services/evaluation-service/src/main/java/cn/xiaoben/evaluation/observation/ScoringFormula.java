package cn.xiaoben.evaluation.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one published way an overall score is made, shown with every result because teachers distrust opaque
 * weighting: overall = the plain mean of the dimension averages, every scored dimension weighing the same. A
 * dimension no observation scored is left out (and the formula says so) rather than counted as zero. Averages and
 * the overall are rounded to one decimal only when shown; the overall is computed from the exact averages.
 */
final class ScoringFormula {

    private ScoringFormula() {
    }

    static ScoreSummary apply(ScoreTally tally) {
        List<RubricDimension> scored = RubricDimension.ALL.stream()
                .filter(d -> tally.dimensions().get(d).average() != null).toList();
        double weight = scored.isEmpty() ? 0 : 1.0 / scored.size();
        Map<String, Double> averages = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        List<DimensionScore> dimensions = new ArrayList<>();
        double sum = 0;
        for (RubricDimension d : RubricDimension.ALL) {
            ScoreTally.Dimension t = tally.dimensions().get(d);
            double w = t.average() == null ? 0 : weight;
            if (t.average() != null) {
                averages.put(d.name(), round(t.average(), 1));
                sum += t.average();
            }
            weights.put(d.name(), round(w, 4));
            dimensions.add(new DimensionScore(d.name(), d.label(), d.labelZh(),
                    t.average() == null ? null : round(t.average(), 1), t.scored(), round(w, 4)));
        }
        Double overall = scored.isEmpty() ? null : round(sum / scored.size(), 1);
        return new ScoreSummary(tally.schoolYear(), tally.observations(), averages, overall, weights,
                formula(scored), formulaZh(scored), dimensions);
    }

    static String formula(List<RubricDimension> scored) {
        if (scored.isEmpty()) {
            return "overall = the plain mean of the dimension averages (no scores yet)";
        }
        String text = "overall = (" + scored.stream().map(Enum::name).collect(Collectors.joining(" + ")) + ") / "
                + scored.size() + ": the plain mean of the dimension averages, each dimension weighing 1/"
                + scored.size();
        List<String> missing = RubricDimension.ALL.stream().filter(d -> !scored.contains(d)).map(Enum::name).toList();
        return missing.isEmpty() ? text : text + "; not scored in any observation, so left out: " + missing;
    }

    static String formulaZh(List<RubricDimension> scored) {
        if (scored.isEmpty()) {
            return "综合分 = 各维度平均分的简单平均（暂无评分）";
        }
        String text = "综合分 = （" + scored.stream().map(RubricDimension::labelZh).collect(Collectors.joining(" + "))
                + "）÷ " + scored.size() + "，即各维度平均分的简单平均，每个维度权重均为 1/" + scored.size();
        List<String> missing = RubricDimension.ALL.stream().filter(d -> !scored.contains(d))
                .map(RubricDimension::labelZh).toList();
        return missing.isEmpty() ? text : text + "；以下维度尚无评分，未计入：" + String.join("、", missing);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
