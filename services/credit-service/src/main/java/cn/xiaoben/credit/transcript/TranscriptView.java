package cn.xiaoben.credit.transcript;

import cn.xiaoben.credit.requirement.RequirementProgress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's credit transcript for a school year: every ledger entry of the year in date order (awards, voided
 * awards marked, revocations), totals per category with the category's yearly cap, the year's total hours, credits
 * (学分 = hours ÷ hoursPerCredit) and required-content hours, and the requirements with their status.
 */
public record TranscriptView(Teacher teacher, String year, RuleSetRef ruleSet, List<Line> entries,
                             List<CategoryTotal> totals, BigDecimal totalHours, BigDecimal totalCredits,
                             BigDecimal requiredContentHours, BigDecimal hoursPerCredit,
                             List<RequirementProgress> requirements) {

    public record Teacher(String teacherId, String name, String schoolId, String schoolName) {
    }

    public record RuleSetRef(String id, int version, String name) {
    }

    public record Line(String entryId, LocalDate date, String kind, String category, String categoryNameZh,
                       boolean requiredContent, String sourceType, String sourceId, String role, BigDecimal hours,
                       boolean voided, String voidedBy, String voids, String ruleId) {
    }

    public record CategoryTotal(String category, String nameZh, boolean requiredContent, BigDecimal hours,
                                BigDecimal yearlyCap, int entries) {
    }
}
