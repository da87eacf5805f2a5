package cn.xiaoben.credit.ruleset;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetParserTest {

    private final RuleSetParser parser = new RuleSetParser();

    @Test
    void theBundledDefaultAndExampleRuleSetsAreValid() {
        RuleSet defaults = parser.parse(RuleSets.resource(RuleSets.DEFAULT), true);
        assertThat(defaults.hoursPerCredit()).isEqualByComparingTo(BigDecimal.valueOf(6));
        assertThat(defaults.category("lesson-observation").orElseThrow().yearlyCap()).isEqualByComparingTo("20");
        assertThat(defaults.requirements()).extracting(RuleSet.Requirement::id)
                .contains("yearly", "new-teacher", "cycle", "class-teacher");

        RuleSet termly = parser.parse(RuleSets.resource("/rule-sets/examples/termly-30.yaml"), true);
        assertThat(termly.requirements().get(0).period()).isEqualTo(RuleSet.Period.TERM);
    }

    @Test
    void theCanonicalFormReadsBackToTheSameRuleSetAndHashesStably() {
        RuleSet defaults = parser.parse(RuleSets.resource(RuleSets.DEFAULT), true);
        String canonical = parser.canonicalJson(defaults);

        assertThat(parser.fromCanonicalJson(canonical)).isEqualTo(defaults);
        assertThat(RuleSets.sha256(parser.canonicalJson(parser.parse(canonical, false))))
                .isEqualTo(RuleSets.sha256(canonical));
    }
}
