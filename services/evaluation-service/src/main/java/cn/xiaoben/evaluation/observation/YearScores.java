package cn.xiaoben.evaluation.observation;

import java.util.Map;

/** A teacher's averages within one school year. */
public record YearScores(String schoolYear, long observations, Map<String, Double> averages, Double overall) {

    static YearScores of(ScoreSummary summary) {
        return new YearScores(summary.schoolYear(), summary.observations(), summary.averages(), summary.overall());
    }
}
