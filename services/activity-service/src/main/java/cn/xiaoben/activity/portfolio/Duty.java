package cn.xiaoben.activity.portfolio;

import java.util.List;

/**
 * One standing duty of one period, checked against the portfolio's entries.
 *
 * @param code     e.g. HOST_GROUP_SESSION, OPEN_LESSON, PAPER_OR_CASE, PROFESSIONAL_READING, LESSON_PLAN_SET …
 * @param period   the term ({@code 2026-2027-1}) or school year ({@code 2026-2027}) it is due in
 * @param evidence the ids of the entries that count towards it
 */
public record Duty(String code, String name, String nameZh, String period, int required, int done,
                   DutyStatus status, List<String> evidence) {
}
