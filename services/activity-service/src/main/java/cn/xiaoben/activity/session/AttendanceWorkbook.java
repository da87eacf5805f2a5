package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an attendance workbook (XLSX) with {@code org.dhatim:fastexcel-reader}: a streaming StAX reader, so a
 * sheet is never held as a DOM. Only the first sheet counts; its row 1 is the header and "line N" is the sheet's
 * row number N. Numbers are read as written (90 and 90.0 are both 90; 90.5 is not a whole number); text cells are
 * taken as they are; a formula counts with its cached value.
 *
 * <p>Before the reader sees the bytes they must be a zip with {@code [Content_Types].xml} and
 * {@code xl/workbook.xml} that inflates to at most {@value #MAX_INFLATED} bytes in at most {@value #MAX_ENTRIES}
 * entries (a zip bomb in a 1 MB body is refused without being expanded in memory). Anything else is
 * 400 {@code invalid-attendance-file} with {@code field: "file"}, code {@code not-a-workbook}.
 */
final class AttendanceWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_INFLATED = 64L * 1024 * 1024;
    static final int MAX_ENTRIES = 1000;

    private AttendanceWorkbook() {
    }

    static AttendanceTable read(byte[] body) {
        requireWorkbook(body);
        List<String> header = null;
        List<AttendanceTable.Row> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body));
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = cells(row);
                if (row.getRowNum() == 1) {
                    header = cells;
                    continue;
                }
                AttendanceTable.Row r = new AttendanceTable.Row(row.getRowNum(), cells);
                if (r.blank()) {
                    continue;
                }
                if (header == null) {
                    break; // no header in row 1: reported as bad-header below
                }
                rows.add(r);
                if (rows.size() > AttendanceFile.MAX_LINES) {
                    throw AttendanceFile.rejected(List.of(AttendanceFile.tooManyLines()));
                }
            }
        } catch (ApiProblem problem) {
            throw problem;
        } catch (IOException | RuntimeException e) {
            throw AttendanceFile.rejected(List.of(notAWorkbook()));
        }
        return new AttendanceTable(1, header == null ? List.of() : header, header == null ? List.of() : rows, false);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> number(cell.getRawValue());
            case FORMULA -> cell.getRawValue() == null ? null : number(cell.getRawValue());
            case STRING, BOOLEAN, ERROR -> cell.getText();
        };
    }

    /** 90, 90.0 and 9E1 are "90"; a fraction stays a fraction (then not a whole number); non-numbers as they are. */
    private static String number(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.strip()).stripTrailingZeros();
            return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /**
     * A zip with the parts of a workbook, small enough when inflated: its central directory read the way the reader
     * reads it (commons-compress), every entry inflated once against the budget.
     */
    private static void requireWorkbook(byte[] body) {
        Set<String> names = new HashSet<>();
        long inflated = 0;
        byte[] buffer = new byte[8192];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (names.size() >= MAX_ENTRIES) {
                    throw AttendanceFile.rejected(List.of(notAWorkbook()));
                }
                names.add(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        if (inflated > MAX_INFLATED) {
                            throw AttendanceFile.rejected(List.of(notAWorkbook()));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw AttendanceFile.rejected(List.of(notAWorkbook()));
        }
        if (!names.contains("[Content_Types].xml") || !names.contains("xl/workbook.xml")) {
            throw AttendanceFile.rejected(List.of(notAWorkbook()));
        }
    }

    private static FieldProblem notAWorkbook() {
        return new FieldProblem("file", "not-a-workbook",
                "The body is not an XLSX workbook (a zip with xl/workbook.xml), or it is too large when unpacked.",
                "上传内容不是 XLSX 工作簿（含 xl/workbook.xml 的 zip），或解压后过大。");
    }
}
