package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;
import org.civicit.lms.csv.CsvRejectedException;

/** Any bytes HR uploads as the agency tree, checked against a small stored tree. */
class AgencyImportFuzzTest {

    private static final Map<String, AgencyImport.Stored> DATABASE = Map.of(
            "P", new AgencyImport.Stored(1, "P", "UBND tỉnh", Level.PROVINCE, Sector.STATE, null, null),
            "H1", new AgencyImport.Stored(2, "H1", "UBND huyện", Level.DISTRICT, Sector.STATE, "P", "Huyện Một"),
            "X1", new AgencyImport.Stored(3, "X1", "UBND xã", Level.COMMUNE, Sector.STATE, "H1", null));

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsTheTreeOrRejectsIt(byte[] file) {
        Fuzzing.withinASecond(() -> {
            try {
                assertThat(AgencyImport.read(new ByteArrayInputStream(file), DATABASE)).isNotNull();
            } catch (CsvRejectedException rejected) {
                assertThat(rejected.errors()).isNotEmpty();
            }
        });
    }
}
