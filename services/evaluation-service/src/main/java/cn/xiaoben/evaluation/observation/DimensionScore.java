package cn.xiaoben.evaluation.observation;

/**
 * One rubric dimension in a teacher's scores: its average (null if no observation scored it), how many observations
 * scored it, and its weight in the overall score.
 */
public record DimensionScore(String dimension, String label, String labelZh, Double average,
                             long scoredObservations, double weight) {
}
