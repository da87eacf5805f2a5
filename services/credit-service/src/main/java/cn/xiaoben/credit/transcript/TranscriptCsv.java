package cn.xiaoben.credit.transcript;

import cn.xiaoben.service.web.SpreadsheetText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transcript as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese):
 * a bilingual header, one row per ledger entry, then a total row per category and the year's totals.
 */
final class TranscriptCsv {

    static final String HEADER = "日期 Date,类别 Category,类别名称 Category name,必修 Required content,来源类型 Source type,"
            + "来源编号 Source id,角色 Role,学时 Hours,已撤销 Voided,撤销条目 Voids,条目编号 Entry id";

    private TranscriptCsv() {
    }

    static byte[] write(TranscriptView t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(row("教师 Teacher", t.teacher().name(), t.teacher().teacherId(), "学校 School",
                t.teacher().schoolName(), "学年 School year", t.year()));
        out.append(HEADER).append("\r\n");
        for (TranscriptView.Line l : t.entries()) {
            out.append(row(l.date() == null ? "" : l.date().toString(), l.category(), l.categoryNameZh(),
                    l.requiredContent() ? "是 yes" : "否 no", l.sourceType(), l.sourceId(), l.role(),
                    plain(l.hours()), l.voided() ? "是 yes" : "", l.voids(), l.entryId()));
        }
        for (TranscriptView.CategoryTotal c : t.totals()) {
            out.append(row("小计 Subtotal", c.category(), c.nameZh(), c.requiredContent() ? "是 yes" : "否 no", "", "", "",
                    plain(c.hours()), "", "", c.yearlyCap() == null ? "" : "上限 cap " + plain(c.yearlyCap())));
        }
        out.append(row("合计学时 Total hours", "", "", "", "", "", "", plain(t.totalHours()), "", "", ""));
        out.append(row("合计学分 Total credits", "", "", "", "", "", "", plain(t.totalCredits()), "", "", ""));
        out.append(row("必修学时 Required-content hours", "", "", "", "", "", "", plain(t.requiredContentHours()), "", "",
                ""));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = SpreadsheetText.neutralised(value); // no formulas from data
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static List<String> header() {
        return List.of(HEADER.split(","));
    }
}
