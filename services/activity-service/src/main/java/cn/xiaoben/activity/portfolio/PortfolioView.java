package cn.xiaoben.activity.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's growth portfolio (成长记录袋) for one school year: every form with its entries (newest first, empty
 * forms included so gaps show), and the duties with their status. {@code sixOnes} is null for teachers who are not
 * young teachers that year; {@code youngTeacherBasis} says why they are (MENTEE or AGE).
 */
public record PortfolioView(Teacher teacher, String year, LocalDate from, LocalDate to, int totalEntries,
                            List<Section> sections, boolean youngTeacher, String youngTeacherBasis,
                            List<Duty> threeOnes, List<Duty> sixOnes) {

    public record Teacher(String teacherId, String name, String schoolId, String subject, String subjectGroupId) {
    }

    public record Section(String form, String nameZh, int count, List<PortfolioEntry> entries) {
    }
}
