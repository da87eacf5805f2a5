package cn.xiaoben.reporting.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A teacher's credit hours in a school year and the latest credited activity. */
public record TeacherCredits(CreditTally tally, Latest latest) {

    public record Latest(String entryId, LocalDate date, String category, BigDecimal hours, String sourceEventType) {
    }
}
