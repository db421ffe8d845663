package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvOutputTest {

    private static String write(Object... cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.open(out, "a", "b")) {
            csv.row(cells);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsWithAByteOrderMarkThenTheHeader() {
        assertThat(write("x", "y")).isEqualTo("\uFEFFa,b\r\nx,y\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1)", "+84912", "-1+2", "@cmd", "\tx", "\rx"})
    void textAFormulaWouldRunIsMadeInert(String text) {
        assertThat(CsvOutput.cell(text)).isEqualTo("'" + text);
    }

    @Test
    void numbersDatesAndBooleansAreLeftAlone() {
        assertThat(CsvOutput.cell(-4.5)).isEqualTo("-4.5");
        assertThat(CsvOutput.cell(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
        assertThat(CsvOutput.cell(false)).isEqualTo("false");
        assertThat(CsvOutput.cell(null)).isEqualTo("");
    }

    @Test
    void quotesCellsWithCommasQuotesAndNewlines() {
        assertThat(write("Sở Văn hóa, Thể thao", "say \"hi\"\nthen")).endsWith(
                "\"Sở Văn hóa, Thể thao\",\"say \"\"hi\"\"\nthen\"\r\n");
    }

    @Test
    void aFormulaAfterASemicolonIsMadeInertForSpreadsheetsThatSplitThere() {
        assertThat(CsvOutput.cell("Phạm Văn Sơn;=cmd|' /C calc'!A0")).isEqualTo("Phạm Văn Sơn;'=cmd|' /C calc'!A0");
        assertThat(CsvOutput.cell("=a;+b;c;-d;@e;\tf")).isEqualTo("'=a;'+b;c;'-d;'@e;'\tf");
        assertThat(CsvOutput.cell("Hà Nội; Huế")).as("a part starting with a space does not run").isEqualTo("Hà Nội; Huế");
    }

    @Test
    void aCellWithASemicolonIsQuotedSoItStaysOneCell() {
        assertThat(write("Phạm Văn Sơn;=cmd|' /C calc'!A0", "x"))
                .endsWith("\r\n\"Phạm Văn Sơn;'=cmd|' /C calc'!A0\",x\r\n");
        assertThat(write("a;b", "c")).endsWith("\r\n\"a;b\",c\r\n");
    }
}
