package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An attendance file from a school system, all-or-nothing: every line is checked before anything is written, and
 * one bad line rejects the whole file with a line-by-line report ({@code field: "line N"}).
 *
 * <p>CSV (UTF-8, optional BOM, RFC 4180 quoting, CRLF or LF, read by Apache Commons CSV, see {@link AttendanceCsv}):
 * header {@code teacherId,mark,attendedMinutes} plus any other columns, then one teacher per line; "line N" is the
 * physical line where the record starts (the header is line 1). XLSX (see {@link AttendanceWorkbook}): the first
 * sheet, header in row 1, "line N" = the sheet's row number. JSON: an array of
 * {@code {"teacherId","mark","attendedMinutes"}}; "line N" is the N-th element (from 1). At most
 * {@value #MAX_LINES} lines of data.
 */
final class AttendanceFile {

    static final int MAX_LINES = 2000;
    private static final int MAX_REPORTED = 200;

    record Line(int number, TeacherRef teacher, AttendanceMark mark, int minutes) {
    }

    private record Raw(int number, String teacherId, String mark, String minutes, String shapeError) {
    }

    private final List<Raw> raw;
    private final List<FieldProblem> problems = new ArrayList<>();

    private AttendanceFile(List<Raw> raw) {
        this.raw = raw;
    }

    static AttendanceFile csv(byte[] body) {
        return table(AttendanceCsv.read(body));
    }

    static AttendanceFile xlsx(byte[] body) {
        return table(AttendanceWorkbook.read(body));
    }

    /**
     * A CSV or a sheet: the header names the columns (any order, case and surrounding blanks ignored); the three
     * required ones must be there exactly once, other columns (a {@code name} for people reading the file) are
     * ignored.
     */
    private static AttendanceFile table(AttendanceTable table) {
        List<Raw> raw = new ArrayList<>();
        AttendanceFile file = new AttendanceFile(raw);
        Map<String, Integer> columns = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null && REQUIRED.contains(name)) {
                repeated.add(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty() || !repeated.isEmpty()) {
            file.problems.add(problem(table.headerLine(), "bad-header",
                    "The first line must be the header teacherId,mark,attendedMinutes (other columns are ignored)"
                            + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                            + (repeated.isEmpty() ? "" : "; repeated: " + String.join(", ", repeated)) + ".",
                    "第一行必须是表头 teacherId,mark,attendedMinutes（其他列会被忽略）"
                            + (missing.isEmpty() ? "" : "；缺少：" + String.join("、", missing))
                            + (repeated.isEmpty() ? "" : "；重复：" + String.join("、", repeated)) + "。"));
            return file;
        }
        int teacher = columns.get("teacherid"), mark = columns.get("mark"), minutes = columns.get("attendedminutes");
        for (AttendanceTable.Row row : table.rows()) {
            if (table.strictWidth() && row.cells().size() != header.size()) {
                raw.add(new Raw(row.number(), null, null, null, "wrong-columns"));
            } else {
                raw.add(new Raw(row.number(), row.cell(teacher), row.cell(mark), row.cell(minutes), null));
            }
        }
        return file;
    }

    private static final List<String> REQUIRED = List.of("teacherid", "mark", "attendedminutes");

    static AttendanceFile json(byte[] body) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-body", "The attendance file is not valid JSON.",
                    "考勤文件不是合法的 JSON。");
        }
        if (root == null || !root.isArray()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-body",
                    "The attendance file must be a JSON array of {teacherId, mark, attendedMinutes}.",
                    "考勤文件必须是 {teacherId, mark, attendedMinutes} 组成的 JSON 数组。");
        }
        List<Raw> raw = new ArrayList<>();
        int n = 0;
        for (JsonNode item : root) {
            n++;
            if (!item.isObject()) {
                raw.add(new Raw(n, null, null, null, "wrong-columns"));
                continue;
            }
            raw.add(new Raw(n, text(item.get("teacherId")), text(item.get("mark")), text(item.get("attendedMinutes")),
                    null));
        }
        return new AttendanceFile(raw);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
    }

    /** Every line checked; the lines if all are good, otherwise a 400 naming each bad line. */
    List<Line> validate(Document session, DirectoryReplica directory, int plannedMinutes) {
        if (problems.isEmpty() && raw.isEmpty()) {
            problems.add(new FieldProblem("file", "empty-file", "The attendance file has no lines.", "考勤文件没有数据行。"));
        }
        if (raw.size() > MAX_LINES) {
            problems.add(tooManyLines());
        }
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        ActivityLevel level = ActivityLevel.valueOf(session.getString("level"));
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Raw r : raw) {
            if (problems.size() >= MAX_REPORTED) {
                break;
            }
            if (r.shapeError() != null) {
                problems.add(problem(r.number(), "wrong-columns", "Expected teacherId, mark and attendedMinutes.",
                        "应包含 teacherId、mark、attendedMinutes 三项。"));
                continue;
            }
            int before = problems.size();
            Optional<TeacherRef> teacher = Optional.empty();
            if (r.teacherId() == null || r.teacherId().isBlank()) {
                problems.add(problem(r.number(), "missing-teacher", "teacherId is missing.", "缺少 teacherId。"));
            } else if (firstLine.containsKey(r.teacherId())) {
                problems.add(problem(r.number(), "duplicate-teacher",
                        "Teacher " + r.teacherId() + " is already on line " + firstLine.get(r.teacherId()) + ".",
                        "教师 " + r.teacherId() + " 已在第 " + firstLine.get(r.teacherId()) + " 行出现。"));
            } else {
                firstLine.put(r.teacherId(), r.number());
                teacher = directory.teacher(r.teacherId());
                if (teacher.isEmpty()) {
                    problems.add(problem(r.number(), "teacher-unknown", "Teacher " + r.teacherId() + " is not known.",
                            "教师 " + r.teacherId() + " 不存在。"));
                } else if (!teacher.get().districtId().equals(session.getString("districtId"))
                        || (!level.crossesSchools() && !teacher.get().schoolId().equals(session.getString("schoolId")))) {
                    problems.add(problem(r.number(), "teacher-not-in-school",
                            "Teacher " + r.teacherId() + " does not belong to the session's school.",
                            "教师 " + r.teacherId() + " 不属于本活动所在学校。"));
                } else if ("TOWNSHIP".equals(session.getString("hostUnit"))
                        && !teacher.get().townshipId().equals(session.getString("townshipId"))) {
                    problems.add(problem(r.number(), "participant-not-in-township",
                            "Teacher " + r.teacherId() + " teaches in another township; a township session takes "
                                    + "the township's teachers.",
                            "教师 " + r.teacherId() + " 属于其他乡镇；镇级活动只接收本乡镇教师。"));
                }
            }
            Optional<AttendanceMark> mark = AttendanceMark.parse(r.mark());
            if (mark.isEmpty()) {
                problems.add(problem(r.number(), "bad-mark", "Mark '" + r.mark()
                        + "' is not one of PRESENT, LATE, ABSENT, EXCUSED.",
                        "考勤标记“" + r.mark() + "”无效，应为 PRESENT、LATE、ABSENT 或 EXCUSED。"));
            }
            Integer minutes = null;
            try {
                minutes = r.minutes() == null ? null : Integer.valueOf(r.minutes().trim());
            } catch (NumberFormatException e) {
                minutes = null;
            }
            if (minutes == null) {
                problems.add(problem(r.number(), "bad-minutes", "attendedMinutes '" + r.minutes()
                        + "' is not a whole number.", "出勤分钟数“" + r.minutes() + "”不是整数。"));
            } else if (mark.isPresent()) {
                Sessions.minutesProblem(plannedMinutes, mark.get(), minutes, "line " + r.number())
                        .ifPresent(problems::add);
            }
            if (problems.size() == before) {
                lines.add(new Line(r.number(), teacher.orElseThrow(), mark.orElseThrow(), minutes));
            }
        }
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        return lines;
    }

    static FieldProblem tooManyLines() {
        return new FieldProblem("file", "too-many-lines", "At most " + MAX_LINES + " lines per file.",
                "每个文件最多 " + MAX_LINES + " 行。");
    }

    /** The one answer to a file that cannot be recorded: 400 with each problem (usually "line N"). */
    static ApiProblem rejected(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-attendance-file",
                "The attendance file has invalid lines; nothing was recorded. Fix them and upload the whole file again.",
                "考勤文件中有不合法的行，整个文件未被记录。请修改后重新上传整个文件。", problems);
    }

    static FieldProblem problem(int line, String code, String message, String messageZh) {
        return new FieldProblem("line " + line, code, "Line " + line + ": " + message, "第 " + line + " 行：" + messageZh);
    }
}
