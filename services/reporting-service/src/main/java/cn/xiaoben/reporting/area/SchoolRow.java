package cn.xiaoben.reporting.area;

import java.math.BigDecimal;

/** One school's line in a township or district report: current teachers, observations and credit hours in the year. */
public record SchoolRow(String schoolId, String schoolName, String townshipId, long teachers,
                        long lessonObservations, BigDecimal creditHours, long teachersWithCredit) {
}
