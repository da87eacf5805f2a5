package cn.xiaoben.activity.observation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The dimensions a lesson observation scores (0–100 each). */
public enum RubricDimension {
    objectives, content, method, engagement, effect, basicSkills;

    public static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toSet());
}
