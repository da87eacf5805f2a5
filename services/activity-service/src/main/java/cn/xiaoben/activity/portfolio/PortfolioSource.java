package cn.xiaoben.activity.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * One feature's contribution to a teacher's growth portfolio (成长记录袋). Every activity feature that records what a
 * teacher did provides one bean; the portfolio asks each for the teacher's entries in a date range and groups them
 * by form.
 */
public interface PortfolioSource {

    /**
     * The teacher's entries dated in {@code [from, toExclusive)} (China Standard Time dates), in any order. Only
     * facts that happened count: cancelled sessions are left out; a planned session appears with status PLANNED.
     */
    List<PortfolioEntry> entries(String teacherId, LocalDate from, LocalDate toExclusive);
}
