package cn.xiaoben.activity.session;

import java.util.List;

/**
 * An uploaded attendance file read into cells, before any meaning is checked: the header and the data rows, each
 * with the number a person sees for it (CSV: the physical line where the record starts; XLSX: the sheet row).
 *
 * @param headerLine  the line (row) number of the header, 1
 * @param strictWidth whether every row must have exactly as many cells as the header (CSV: yes; a sheet leaves
 *                    trailing empty cells out, so no)
 */
record AttendanceTable(int headerLine, List<String> header, List<Row> rows, boolean strictWidth) {

    record Row(int number, List<String> cells) {

        /** The trimmed cell at {@code index}, null when absent or blank. */
        String cell(int index) {
            if (index >= cells.size() || cells.get(index) == null) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}
