package cn.xiaoben.credit.requirement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A teacher's requirements of the rule set in force for a school year, each with progress and status. */
public record RequirementsView(String teacherId, String teacherName, String schoolId, String schoolYear,
                               LocalDate asOf, RuleSetRef ruleSet, BigDecimal hoursPerCredit, boolean newTeacher,
                               boolean classTeacher, List<RequirementProgress> requirements) {

    public record RuleSetRef(String id, int version, String name, String status) {
    }
}
