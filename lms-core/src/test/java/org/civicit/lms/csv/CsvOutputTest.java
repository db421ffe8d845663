package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

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

    /** A row as PostgreSQL's COPY (FORMAT csv) writes it: quoted when it must be, an empty text as "". */
    private static byte[] asPostgresCopies(String... values) {
        List<String> fields = new ArrayList<>();
        for (String value : values) {
            boolean quoted = value != null && (value.isEmpty() || value.matches("(?s).*[,\"\r\n].*"));
            fields.add(value == null ? "" : quoted ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        return (String.join(",", fields) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCopiedRecordIsWrittenAsTheSameRowWouldBe() {
        String[] pieces = {"a", "Đỗ", "ễ", "x y", ",", ";", "\"", "=", "+", "-", "@", "\t", "\r", "\n", " ", "#", "!",
            "1", "2025-01-01", "'", null, ""};
        Random random = new Random(20261130);
        for (int round = 0; round < 20_000; round++) {
            String[] values = new String[1 + random.nextInt(4)];
            for (int i = 0; i < values.length; i++) {
                String piece = pieces[random.nextInt(pieces.length)];
                values[i] = piece == null || random.nextBoolean() ? piece
                        : piece + pieces[random.nextInt(pieces.length - 2)] + pieces[random.nextInt(pieces.length - 2)];
            }
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            try (CsvOutput byCopy = CsvOutput.open(copied); CsvOutput byRow = CsvOutput.open(written)) {
                byCopy.copied(asPostgresCopies(values));
                byRow.row((Object[]) values);
            }
            assertThat(copied.toString(StandardCharsets.UTF_8)).as(Arrays.toString(values))
                    .isEqualTo(written.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPlainRecordIsCopiedAsItCame() {
        byte[] record = "CB000001,Đỗ Quốc Nhân,UBND-TINH,true,2025-01-01,\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvOutput.writtenAsIs(record, record.length - 1)).isTrue();
        byte[] quoted = "CB000002,\"Sở Văn hóa, Thể thao\",x\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvOutput.writtenAsIs(quoted, quoted.length - 1)).isFalse();
    }
}
