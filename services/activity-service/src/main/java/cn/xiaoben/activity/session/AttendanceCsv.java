package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.FieldProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an attendance CSV with Apache Commons CSV: UTF-8 with or without a BOM, RFC 4180 quoting (a field may hold
 * commas, doubled quotes and line breaks), CRLF or LF line ends, blank lines (also trailing ones) skipped. A row's
 * number is the physical line where its record starts, the header being line 1, so it matches what an editor shows
 * even when a quoted field spans lines.
 */
final class AttendanceCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();

    private AttendanceCsv() {
    }

    static AttendanceTable read(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        int headerLine = 1;
        List<AttendanceTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                int line = lineOf(text, lineStarts, record.getCharacterPosition());
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                    headerLine = line;
                    continue;
                }
                AttendanceTable.Row row = new AttendanceTable.Row(line, cells);
                if (row.blank()) {
                    continue;
                }
                rows.add(row);
                if (rows.size() > AttendanceFile.MAX_LINES) {
                    throw AttendanceFile.rejected(List.of(AttendanceFile.tooManyLines()));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // unbalanced quotes: Commons CSV names the line where the broken record started
            throw AttendanceFile.rejected(List.of(malformed(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AttendanceTable(headerLine, header == null ? List.of() : header, rows, true);
    }

    private static FieldProblem malformed(Exception e) {
        String message = String.valueOf(e.getMessage());
        int line = 1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("startline (\\d+)").matcher(message);
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
        }
        return AttendanceFile.problem(line, "malformed-csv",
                "A quoted field is not closed (or a quote stands inside an unquoted field).",
                "引号未闭合（或未加引号的字段中含有引号）。");
    }

    /** Offsets where each physical line starts (after LF, CRLF or a lone CR). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of a record: Commons CSV reports where it began reading, before skipping blank lines. */
    private static int lineOf(String text, int[] lineStarts, long position) {
        int offset = (int) position;
        while (offset < text.length() && (text.charAt(offset) == '\r' || text.charAt(offset) == '\n')) {
            offset++;
        }
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
