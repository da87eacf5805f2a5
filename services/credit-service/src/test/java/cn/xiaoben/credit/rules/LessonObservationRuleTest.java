package cn.xiaoben.credit.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class LessonObservationRuleTest {

    final LessonObservationRule rule = new LessonObservationRule(new BigDecimal("1.0"), 45, new BigDecimal("20"));

    @Test
    void aLessonEarnsOneHourAndLongerSessionsEarnHalfHourSteps() {
        assertThat(rule.hoursFor(45)).isEqualByComparingTo("1.0");
        assertThat(rule.hoursFor(90)).isEqualByComparingTo("2.0");
        assertThat(rule.hoursFor(60)).isEqualByComparingTo("1.5");
        assertThat(rule.hoursFor(10)).isEqualByComparingTo("0.0");
        assertThat(rule.hoursFor(20)).isEqualByComparingTo("0.5");
    }

    @Test
    void theYearlyCapCutsTheLastAwardAndThenStopsAwarding() {
        assertThat(rule.capped(new BigDecimal("1.0"), new BigDecimal("18.0"))).isEqualByComparingTo("1.0");
        assertThat(rule.capped(new BigDecimal("2.0"), new BigDecimal("19.0"))).isEqualByComparingTo("1.0");
        assertThat(rule.capped(new BigDecimal("1.0"), new BigDecimal("20.0"))).isEqualByComparingTo("0.0");
        assertThat(rule.capped(new BigDecimal("1.0"), new BigDecimal("25.0"))).isEqualByComparingTo("0.0");
    }
}
