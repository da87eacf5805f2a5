package cn.xiaoben.credit.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The default rule for lesson observation (听课评课), until the bureau publishes versioned rule sets: the observer
 * earns {@code hoursPerLesson} for every {@code lessonMinutes} observed (in half-hour steps), at most
 * {@code yearlyCap} hours in a school year.
 */
@ConfigurationProperties("xiaoben.credit.lesson-observation")
public record LessonObservationRule(@DefaultValue("1.0") BigDecimal hoursPerLesson,
                                   @DefaultValue("45") int lessonMinutes,
                                   @DefaultValue("20") BigDecimal yearlyCap) {

    public static final String ID = "default.lesson-observation.observer";
    public static final String CATEGORY = "lesson-observation";

    /** Hours for one observation before the cap, rounded to the nearest half hour. */
    public BigDecimal hoursFor(int durationMinutes) {
        BigDecimal lessons = BigDecimal.valueOf(durationMinutes).divide(BigDecimal.valueOf(lessonMinutes), 6,
                RoundingMode.HALF_UP);
        BigDecimal raw = lessons.multiply(hoursPerLesson);
        BigDecimal two = BigDecimal.valueOf(2);
        return raw.multiply(two).setScale(0, RoundingMode.HALF_UP).divide(two, 1, RoundingMode.UNNECESSARY);
    }

    /** What may still be awarded when {@code alreadyAwarded} hours of the category stand in the year. */
    public BigDecimal capped(BigDecimal requested, BigDecimal alreadyAwarded) {
        BigDecimal room = yearlyCap.subtract(alreadyAwarded).max(BigDecimal.ZERO);
        return requested.min(room).setScale(1, RoundingMode.HALF_UP);
    }
}
