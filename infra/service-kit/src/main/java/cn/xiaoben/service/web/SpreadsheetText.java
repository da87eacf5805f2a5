package cn.xiaoben.service.web;

import java.util.regex.Pattern;

/**
 * Text from data that goes into a CSV or a workbook: a cell that Excel or WPS would run as a formula — one that
 * starts with {@code = + - @}, a TAB or a CR (OWASP "CSV injection") — gets a leading apostrophe; numbers stay
 * numbers ({@code -1.5} is a value, not a formula).
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetText() {
    }

    public static String neutralised(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0
                || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
