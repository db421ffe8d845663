package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.CsvSheet;

/** Any bytes HR uploads as the roster, checked line by line as the import does before it looks at the database. */
class OfficialImportFuzzTest {

    /** The agencies of the sample province in src/test/resources/province. */
    private static final Map<String, Long> AGENCIES = Map.of("ROOT", 1L, "P", 2L, "PS", 3L, "TU", 4L, "H1", 5L,
            "HU1", 6L, "X1", 7L, "X2", 8L, "DX1", 9L);

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsTheRosterOrRejectsIt(byte[] file) {
        Fuzzing.withinASecond(() -> {
            try {
                CsvSheet sheet = CsvSheet.open(new ByteArrayInputStream(file), OfficialImport.COLUMNS);
                assertThat(OfficialImport.read(sheet, AGENCIES, Set.of("admin"))).isNotNull();
                sheet.rejectIfErrors();
            } catch (CsvRejectedException rejected) {
                assertThat(rejected.errors()).isNotEmpty();
            }
        });
    }
}
