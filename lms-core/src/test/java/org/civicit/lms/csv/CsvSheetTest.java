package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvSheetTest {

    private static final CsvColumns COLUMNS = CsvColumns.of(List.of("code", "name"), List.of("note"));

    private static CsvSheet sheet(String text) {
        return CsvSheet.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), COLUMNS);
    }

    private static List<String> names(CsvSheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.forEachLine(line -> names.add(line.text("name")));
        return names;
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        CsvSheet withMark = sheet("\uFEFFcode,name\nA,Sở Nội vụ\n");
        CsvSheet without = sheet("code,name\nA,Sở Nội vụ\n");
        assertThat(names(withMark)).containsExactly("Sở Nội vụ");
        assertThat(names(without)).containsExactly("Sở Nội vụ");
        assertThat(withMark.errors()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrderAndAnyCase() {
        CsvSheet sheet = sheet(" Name ,CODE\nỦy ban nhân dân xã Tân Lập,UBND-TL\n");
        List<String> codes = new ArrayList<>();
        sheet.forEachLine(line -> codes.add(line.text("code") + "|" + line.text("name")));
        assertThat(codes).containsExactly("UBND-TL|Ủy ban nhân dân xã Tân Lập");
        assertThat(sheet.errors()).isEmpty();
    }

    @Test
    void quotedCommasAndNewlinesStayInTheirCell() {
        CsvSheet sheet = sheet("code,name\nA,\"Sở Văn hóa, Thể thao\nvà Du lịch\"\nB,\"Ông \"\"Ba\"\"\"\n");
        assertThat(names(sheet)).containsExactly("Sở Văn hóa, Thể thao\nvà Du lịch", "Ông \"Ba\"");
    }

    @Test
    void lineNumbersAreTheSpreadsheetRowsEvenAfterAMultiLineCell() {
        CsvSheet sheet = sheet("code,name\nA,\"two\nlines\"\n,missing code\n");
        sheet.forEachLine(line -> line.code("code"));
        assertThat(sheet.errors()).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("code");
                    assertThat(e.messageKey()).isEqualTo("csv.value.required");
                });
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
        CsvSheet sheet = sheet("code,name\nA,One\n\n,Missing\n");
        sheet.forEachLine(line -> line.code("code"));
        assertThat(sheet.errors()).extracting(CsvError::line).containsExactly(4L);
    }

    @Test
    void pastAThousandErrorsTheRestAreCountedNotListed() {
        StringBuilder file = new StringBuilder("code,name\n");
        for (int i = 0; i < 1500; i++) {
            file.append("bad code,Name\n");
        }
        CsvSheet sheet = sheet(file.toString());
        sheet.forEachLine(line -> line.code("code"));
        assertThatThrownBy(sheet::rejectIfErrors).isInstanceOfSatisfying(CsvRejectedException.class, e -> {
            assertThat(e.total()).isEqualTo(1500);
            assertThat(e.errors()).hasSize(1000);
        });
    }

    @Test
    void anUnknownColumnOfAMegabyteIsNamedByItsFirstHundredCharacters() {
        CsvSheet sheet = sheet("code,name," + "c".repeat(1_000_000) + "\n");
        assertThat(sheet.errors()).singleElement().satisfies(error -> {
            assertThat(error.messageKey()).isEqualTo("csv.column.unknown");
            assertThat(error.column()).isEqualTo("c".repeat(100) + "…");
            assertThat(error.arguments().get(0)).isEqualTo("c".repeat(100) + "…");
        });
    }

    @Test
    void diacriticsAreKeptExactlyAsWritten() {
        String decomposed = "Nguye\u0302\u0303n";
        assertThat(names(sheet("code,name\nA," + decomposed + "\n"))).containsExactly(decomposed);
    }

    @Test
    void aMissingRequiredColumnIsAnErrorOnTheHeader() {
        CsvSheet sheet = sheet("code,note\nA,x\n");
        assertThat(sheet.errors()).extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "name", "csv.column.missing"));
    }

    @Test
    void anUnknownColumnIsAnError() {
        CsvSheet sheet = sheet("code,name,colour\nA,B,red\n");
        assertThat(sheet.errors()).extracting(CsvError::messageKey).containsExactly("csv.column.unknown");
        assertThat(sheet.errors().get(0).column()).isEqualTo("colour");
    }

    @Test
    void aColumnTwiceIsAnError() {
        assertThat(sheet("code,name,Code\n").errors()).extracting(CsvError::messageKey)
                .containsExactly("csv.column.duplicate");
    }

    @Test
    void noLineIsReadWhenTheHeaderIsWrong() {
        CsvSheet sheet = sheet("code\nA\n");
        assertThat(names(sheet)).isEmpty();
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(sheet("").errors()).extracting(CsvError::line, CsvError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "csv.empty"));
        assertThat(sheet("\uFEFF").errors()).extracting(CsvError::messageKey).containsExactly("csv.empty");
    }

    @Test
    void aHeaderAloneIsAValidFileWithNoLines() {
        CsvSheet sheet = sheet("code,name\r\n");
        assertThat(names(sheet)).isEmpty();
        assertThat(sheet.errors()).isEmpty();
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsAnError() {
        CsvSheet sheet = sheet("code,name\nA,B,C\nD\nE,F\n");
        assertThat(names(sheet)).containsExactly("F");
        assertThat(sheet.errors()).extracting(CsvError::line).containsExactly(2L, 3L);
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnce() {
        StringBuilder file = new StringBuilder("code,name\n");
        for (int i = 0; i < 10; i++) {
            file.append("bad code ").append(i).append(",Name\n");
        }
        CsvSheet sheet = sheet(file.toString());
        sheet.forEachLine(line -> line.code("code"));
        assertThat(sheet.errors()).hasSize(10)
                .extracting(CsvError::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThatThrownBy(sheet::rejectIfErrors).isInstanceOfSatisfying(CsvRejectedException.class,
                e -> assertThat(e.errors()).hasSize(10));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorWhereTheyStand() {
        byte[] latin1 = "code,name\nA,Ph\u00f2ng\nB,Ok\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvSheet sheet = CsvSheet.open(new ByteArrayInputStream(latin1), COLUMNS);
        sheet.forEachLine(line -> { });
        assertThat(sheet.errors()).extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "name", "csv.encoding"));
    }

    @Test
    void anUnclosedQuoteIsRejected() {
        assertThatThrownBy(() -> sheet("code,name\nA,\"open\nB,C\n").forEachLine(line -> { }))
                .isInstanceOfSatisfying(CsvRejectedException.class,
                        e -> assertThat(e.errors()).extracting(CsvError::messageKey).containsExactly("csv.quoting"));
    }

    @Test
    void anOptionalColumnMayBeLeftOut() {
        CsvSheet sheet = sheet("code,name\nA,B\n");
        assertThat(sheet.hasColumn("note")).isFalse();
        sheet.forEachLine(line -> assertThat(line.text("note")).isNull());
        assertThat(sheet.errors()).isEmpty();
    }
}
