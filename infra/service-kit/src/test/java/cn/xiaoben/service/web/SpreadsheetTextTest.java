package cn.xiaoben.service.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1", "\tfoo"})
    void aCellThatAnOfficeSuiteWouldRunAsAFormulaStartsWithAnApostrophe(String text) {
        assertThat(SpreadsheetText.neutralised(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @CsvSource({"王丽,王丽", "-1.5,-1.5", "-45,-45", "3+4,3+4", "a=b,a=b"})
    void textAndNumbersStayAsTheyAre(String text, String expected) {
        assertThat(SpreadsheetText.neutralised(text)).isEqualTo(expected);
    }
}
