package cn.xiaoben.credit.ruleset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A district's credit rules for a school year, as the bureau published them (schema:
 * {@code rule-sets/rule-set.schema.json}). Parsed and validated by {@link RuleSetParser}; never changed afterwards
 * (a change is a new version).
 */
public record RuleSet(String name, String description, BigDecimal hoursPerCredit, List<Category> categories,
                      List<Rule> rules, List<Requirement> requirements) {

    public RuleSet {
        categories = List.copyOf(categories);
        rules = List.copyOf(rules);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** A category of hours: its yearly cap (null: none) and whether it is required content (必修). */
    public record Category(String code, String nameZh, Boolean required, BigDecimal yearlyCap) {

        public boolean countsAsRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    /**
     * What one role earns from one fact, optionally only for some session forms, levels or kinds (a research stage,
     * a reflection kind, an approval's claim kind …). The first matching rule of the set decides.
     */
    public record Rule(String id, Fact fact, String role, List<String> forms, List<String> levels, List<String> kinds,
                       String category, Boolean requiresApproval, Amount amount) {

        public boolean needsApproval() {
            return Boolean.TRUE.equals(requiresApproval);
        }
    }

    /**
     * How many hours: FIXED {@code hours}; DURATION {@code hoursPerUnit} per {@code unitMinutes} of (attended) time,
     * times {@code multiple}; DECLARED the hours the fact declares times {@code factor}; BY_GRADE {@code table}
     * level → grade/result/stage/mark → hours. Always rounded to half hours.
     */
    public record Amount(AmountType type, BigDecimal hours, BigDecimal hoursPerUnit, Integer unitMinutes,
                         BigDecimal multiple, BigDecimal factor, Map<String, Map<String, BigDecimal>> table) {
    }

    /** Hours a teacher of a group must earn in a period (cycles: {@code cycleYears} from {@code cycleStartYear}). */
    public record Requirement(String id, String nameZh, Period period, BigDecimal hours,
                              BigDecimal requiredContentHours, TeacherGroup teacherGroup, String category,
                              Integer cycleYears, Integer cycleStartYear) {

        public TeacherGroup group() {
            return teacherGroup == null ? TeacherGroup.ALL : teacherGroup;
        }
    }

    public enum AmountType { FIXED, DURATION, DECLARED, BY_GRADE }

    public enum Period { TERM, YEAR, CYCLE }

    public enum TeacherGroup { ALL, NEW_TEACHER, CLASS_TEACHER }
}
