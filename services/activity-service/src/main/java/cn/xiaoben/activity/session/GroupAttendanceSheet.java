package cn.xiaoben.activity.session;

import cn.xiaoben.service.web.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 出勤表 of a subject group for one term: its HELD sessions (columns) × its teachers (rows), a cell per teacher and
 * session (null when the teacher was not on that session), totals per teacher, and the group's standing duties.
 * Rendered as JSON, CSV (UTF-8 with BOM, for Excel) or XLSX, with the same layout in the two files.
 */
record GroupAttendanceSheet(String groupId, String groupName, String subject, String schoolId, String term,
                            String termZh, LocalDate from, LocalDate toExclusive, List<SessionColumn> sessions,
                            List<TeacherRow> teachers, Duties duties) {

    record SessionColumn(String sessionId, String date, String form, String level, String topic, String hostId,
                         String hostName, int plannedMinutes) {
    }

    /** One teacher at one session: role PARTICIPANT or HOST, the current (possibly corrected) mark and minutes. */
    record Cell(String role, String mark, Integer attendedMinutes) {
    }

    /**
     * @param onList   sessions the teacher was on (participant or host)
     * @param attended PRESENT or LATE (the host counts as attending)
     */
    record Totals(int onList, int attended, int late, int absent, int excused, int hosted, int minutes) {
    }

    record TeacherRow(String teacherId, String name, List<Cell> cells, Totals totals) {
    }

    record Duty(int held, int required, boolean met, String counts) {
    }

    /**
     * @param themedSessions each subject group holds ≥ 6 themed sessions (主题教研) per term
     * @param groupMeetings  the group lead holds ≥ 3 group meetings (教研组会议) per term
     */
    record Duties(Duty themedSessions, Duty groupMeetings) {
    }

    static final int THEMED_REQUIRED = 6;
    static final int MEETINGS_REQUIRED = 3;

    private static final Map<String, String> FORMS_ZH = Map.of("THEMED_RESEARCH", "主题教研",
            "COLLECTIVE_PREPARATION", "集体备课", "LECTURE", "专题讲座", "SALON", "专题沙龙",
            "SAME_LESSON_DIFFERENT_DESIGNS", "同课异构", "OPEN_LESSON", "公开课", "READING_CLUB", "读书交流会");

    /** The file layout: two title lines, the header, one line per teacher. */
    List<List<Object>> table() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("教研组 group", groupName == null ? groupId : groupName, "学期 term", term, termZh));
        rows.add(List.of("主题教研 themed sessions", duties.themedSessions().held() + "/" + THEMED_REQUIRED,
                "教研组会议 group meetings", duties.groupMeetings().held() + "/" + MEETINGS_REQUIRED));
        List<Object> header = new ArrayList<>(List.of("教师编号 teacherId", "姓名 name"));
        for (SessionColumn s : sessions) {
            header.add(s.date() + " " + FORMS_ZH.getOrDefault(s.form(), s.form()) + " " + s.topic()
                    + (s.hostName() == null ? "" : "（" + s.hostName() + "）"));
        }
        header.addAll(List.of("出勤次数 attended", "迟到 late", "缺勤 absent", "请假 excused", "主持 hosted",
                "出勤分钟 minutes"));
        rows.add(header);
        for (TeacherRow t : teachers) {
            List<Object> row = new ArrayList<>(List.of(t.teacherId(), t.name() == null ? "" : t.name()));
            for (Cell c : t.cells()) {
                row.add(c == null ? "" : ("HOST".equals(c.role()) ? "HOST" : c.mark()) + " "
                        + (c.attendedMinutes() == null ? 0 : c.attendedMinutes()));
            }
            Totals x = t.totals();
            row.addAll(List.of(x.attended(), x.late(), x.absent(), x.excused(), x.hosted(), x.minutes()));
            rows.add(row);
        }
        return rows;
    }

    byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            for (List<Object> row : table()) {
                printer.printRecord(row.stream().map(GroupAttendanceSheet::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Xiaoben", "1.0");
            Worksheet sheet = workbook.newWorksheet("出勤表");
            List<List<Object>> rows = table();
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        sheet.value(r, c, n);
                    } else {
                        sheet.value(r, c, String.valueOf(value)); // fastexcel writes text as text, never a formula
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text that Excel would take for a formula gets a leading apostrophe (CSV injection). */
    private static Object safe(Object value) {
        return value instanceof String s ? SpreadsheetText.neutralised(s) : value;
    }
}
