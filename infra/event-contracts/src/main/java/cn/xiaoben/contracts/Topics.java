package cn.xiaoben.contracts;

import java.util.List;

/** The platform's Kafka topics. One topic per publishing context; each has a dead-letter twin. */
public final class Topics {

    public static final String DIRECTORY = "xiaoben.directory.v1";
    public static final String ACTIVITY = "xiaoben.activity.v1";
    public static final String CREDIT = "xiaoben.credit.v1";
    public static final String EVALUATION = "xiaoben.evaluation.v1";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static List<String> all() {
        return List.of(DIRECTORY, ACTIVITY, CREDIT, EVALUATION);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
