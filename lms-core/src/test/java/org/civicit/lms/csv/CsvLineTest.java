package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvLineTest {

    private enum Colour { RED, GREEN }

    /** Reads one cell through a CsvLine; returns the value and the error keys. */
    private static <T> Object[] read(String cell, Function<CsvLine, T> reader) {
        CsvSheet sheet = sheetOf(cell);
        List<T> values = new ArrayList<>();
        sheet.forEachLine(line -> values.add(reader.apply(line)));
        return new Object[] {values.get(0), sheet.errors().stream().map(CsvError::messageKey).toList()};
    }

    private static CsvSheet sheetOf(String cell) {
        return CsvSheet.open(new ByteArrayInputStream(("value\n\"" + cell.replace("\"", "\"\"") + "\"\n")
                .getBytes(StandardCharsets.UTF_8)), CsvColumns.of(List.of("value"), List.of()));
    }

    @ParameterizedTest
    @CsvSource({"2026-06-15", "15/06/2026", "15/6/2026"})
    void datesInBothForms(String text) {
        assertThat(read(text, l -> l.optionalDate("value"))[0]).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "2026-13-01", "06/15/2026", "15.06.2026", "yesterday"})
    void impossibleOrOtherDatesAreErrors(String text) {
        Object[] result = read(text, l -> l.optionalDate("value"));
        assertThat(result[0]).isNull();
        assertThat(result[1]).asList().containsExactly("csv.value.date");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "FALSE,false", "True,true"})
    void booleansInAnyCase(String text, boolean expected) {
        assertThat(read(text, l -> l.optionalBoolean("value"))[0]).isEqualTo(expected);
    }

    @Test
    void aBooleanThatIsNeitherIsAnError() {
        assertThat(read("yes", l -> l.optionalBoolean("value"))[1]).asList().containsExactly("csv.value.boolean");
    }

    @Test
    void aWrongEnumerationValueNamesTheAcceptedOnes() {
        Object[] result = read("blue", l -> l.requiredEnum("value", Colour.class));
        assertThat(result[0]).isNull();
        assertThat(result[1]).asList().containsExactly("csv.value.enum");
    }

    @Test
    void aBlankRequiredCellIsAnError() {
        assertThat(read("   ", l -> l.required("value", 10))[1]).asList().containsExactly("csv.value.required");
    }

    @Test
    void cellsAreTrimmed() {
        assertThat(read("  Sở Y tế  ", l -> l.required("value", 50))[0]).isEqualTo("Sở Y tế");
    }

    @Test
    void aTooLongValueIsOneError() {
        assertThat(read("x".repeat(11), l -> l.required("value", 10))[1]).asList()
                .containsExactly("csv.value.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UBND TINH", "SO/TTTT", "A,B"})
    void codesHaveNoSpacesOrPunctuation(String code) {
        assertThat(read(code, l -> l.code("value"))[1]).asList().containsExactly("csv.value.code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UBND-TINH", "CB000001", "so_tttt.2"})
    void plainCodesAreAccepted(String code) {
        assertThat(read(code, l -> l.code("value"))[0]).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "enum", "percent", "boolean"})
    void aMegabyteCellIsQuotedBackAsAHundredCharactersAndAnEllipsis(String kind) {
        String cell = "9".repeat(1_000_000);
        Function<CsvLine, Object> reader = switch (kind) {
            case "date" -> l -> l.optionalDate("value");
            case "enum" -> l -> l.optionalEnum("value", Colour.class);
            case "percent" -> l -> l.requiredPercent("value");
            default -> l -> l.optionalBoolean("value");
        };
        CsvSheet sheet = sheetOf(cell);
        sheet.forEachLine(reader::apply);
        assertThat(sheet.errors()).singleElement().satisfies(error -> assertThat(error.arguments().get(0))
                .isEqualTo("9".repeat(100) + "…"));
    }

    @Test
    void aMegabyteOfDigitsIsNoPercentageAndIsToldAtOnce() {
        Object[] result = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> read("1".repeat(1_000_000), l -> l.requiredPercent("value")));
        assertThat(result[1]).asList().containsExactly("csv.value.percent");
    }
}
