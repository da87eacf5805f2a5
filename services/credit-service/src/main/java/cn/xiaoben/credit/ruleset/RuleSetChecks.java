package cn.xiaoben.credit.ruleset;

import cn.xiaoben.service.problem.FieldProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of a rule set that a JSON Schema cannot express. Each finding names its path. */
final class RuleSetChecks {

    private RuleSetChecks() {
    }

    static List<FieldProblem> problems(RuleSet set) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < set.categories().size(); i++) {
            String code = set.categories().get(i).code();
            if (!categories.add(code)) {
                problems.add(new FieldProblem("categories[" + i + "].code", "duplicate",
                        "Category " + code + " is defined twice.", "类别 " + code + " 重复定义。"));
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            RuleSet.Rule rule = set.rules().get(i);
            String at = "rules[" + i + "]";
            if (!ruleIds.add(rule.id())) {
                problems.add(new FieldProblem(at + ".id", "duplicate", "Rule id " + rule.id() + " is used twice.",
                        "规则编号 " + rule.id() + " 重复。"));
            }
            if (!categories.contains(rule.category())) {
                problems.add(unknownCategory(at + ".category", rule.category()));
            }
            if (!rule.fact().roles().contains(rule.role())) {
                problems.add(new FieldProblem(at + ".role", "role-not-of-fact",
                        rule.fact() + " has no role " + rule.role() + "; it has " + rule.fact().roles() + ".",
                        rule.fact() + " 没有角色 " + rule.role() + "，可用角色：" + rule.fact().roles() + "。"));
            }
            if (rule.forms() != null && !rule.forms().isEmpty() && rule.fact() != Fact.ATTENDANCE_RECORDED) {
                problems.add(new FieldProblem(at + ".forms", "forms-not-of-fact",
                        "Only ATTENDANCE_RECORDED rules filter by session form.", "只有 ATTENDANCE_RECORDED 规则可以按活动形式筛选。"));
            }
            amountProblems(rule, at + ".amount", problems);
        }
        Set<String> requirementIds = new HashSet<>();
        for (int i = 0; i < set.requirements().size(); i++) {
            RuleSet.Requirement r = set.requirements().get(i);
            String at = "requirements[" + i + "]";
            if (!requirementIds.add(r.id())) {
                problems.add(new FieldProblem(at + ".id", "duplicate", "Requirement id " + r.id() + " is used twice.",
                        "要求编号 " + r.id() + " 重复。"));
            }
            if (r.category() != null && !categories.contains(r.category())) {
                problems.add(unknownCategory(at + ".category", r.category()));
            }
            if (r.requiredContentHours() != null && r.requiredContentHours().compareTo(r.hours()) > 0) {
                problems.add(new FieldProblem(at + ".requiredContentHours", "more-than-hours",
                        "Required-content hours (" + r.requiredContentHours() + ") cannot exceed the requirement's "
                                + r.hours() + " hours.",
                        "必修学时（" + r.requiredContentHours() + "）不能超过总要求 " + r.hours() + " 学时。"));
            }
        }
        return problems;
    }

    private static void amountProblems(RuleSet.Rule rule, String at, List<FieldProblem> problems) {
        RuleSet.Amount amount = rule.amount();
        Fact fact = rule.fact();
        switch (amount.type()) {
            case FIXED -> forbid(at, amount.table() != null, "table", "FIXED", problems);
            case DURATION -> {
                if (!fact.hasMinutes()) {
                    problems.add(new FieldProblem(at + ".type", "amount-not-of-fact",
                            fact + " has no duration; use FIXED, DECLARED or BY_GRADE.",
                            fact + " 没有时长，请使用 FIXED、DECLARED 或 BY_GRADE。"));
                }
                forbid(at, amount.table() != null, "table", "DURATION", problems);
            }
            case DECLARED -> {
                if (!fact.hasDeclaredHours()) {
                    problems.add(new FieldProblem(at + ".type", "amount-not-of-fact",
                            fact + " declares no hours; DECLARED is for online study, external training and claims.",
                            fact + " 不申报学时；DECLARED 只适用于网络研修、外出培训和学时申请。"));
                }
                forbid(at, amount.table() != null, "table", "DECLARED", problems);
            }
            case BY_GRADE -> {
                if (fact.grades().isEmpty()) {
                    problems.add(new FieldProblem(at + ".type", "amount-not-of-fact",
                            fact + " has no grade, result or stage; use FIXED.", fact + " 没有等级、名次或阶段，请使用 FIXED。"));
                } else {
                    amount.table().forEach((level, grades) -> grades.keySet().forEach(grade -> {
                        if (!fact.grades().contains(grade)) {
                            problems.add(new FieldProblem(at + ".table." + level + "." + grade, "grade-not-of-fact",
                                    fact + " has no grade " + grade + "; it has " + fact.grades() + ".",
                                    fact + " 没有等级 " + grade + "，可用：" + fact.grades() + "。"));
                        }
                    }));
                }
            }
        }
    }

    private static void forbid(String at, boolean present, String field, String type, List<FieldProblem> problems) {
        if (present) {
            problems.add(new FieldProblem(at + "." + field, "not-for-type", field + " is not used by " + type + " amounts.",
                    type + " 类型不使用 " + field + "。"));
        }
    }

    private static FieldProblem unknownCategory(String field, String code) {
        return new FieldProblem(field, "unknown-category", "Category " + code + " is not defined in categories.",
                "类别 " + code + " 未在 categories 中定义。");
    }
}
