package cn.xiaoben.evaluation.observation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the aggregation found for one teacher (over a school year or all time): how many observations, and per
 * dimension the exact average and how many observations scored it.
 */
public record ScoreTally(String schoolYear, long observations, Map<RubricDimension, Dimension> dimensions) {

    public record Dimension(Double average, long scored) {
    }

    static ScoreTally empty(String schoolYear) {
        Map<RubricDimension, Dimension> none = new LinkedHashMap<>();
        RubricDimension.ALL.forEach(d -> none.put(d, new Dimension(null, 0)));
        return new ScoreTally(schoolYear, 0, none);
    }
}
