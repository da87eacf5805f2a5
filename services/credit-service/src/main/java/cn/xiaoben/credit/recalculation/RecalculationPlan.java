package cn.xiaoben.credit.recalculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The difference a rule set makes to a district's school year, per teacher: who gains, who loses, by how much, and
 * the changes that would be written (only sources whose result differs).
 */
public record RecalculationPlan(List<TeacherDiff> teachers, List<PlannedChange> changes) {

    public record TeacherDiff(String teacherId, BigDecimal currentHours, BigDecimal newHours, int changedSources) {

        public BigDecimal delta() {
            return newHours.subtract(currentHours);
        }
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }
}
