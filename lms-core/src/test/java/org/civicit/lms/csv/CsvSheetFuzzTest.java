package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.civicit.lms.Fuzzing;

/**
 * Any bytes a clerk uploads, read through every kind of cell a CSV import asks for: the file
 * passes, or it is rejected with its problems listed, within a second.
 */
class CsvSheetFuzzTest {

    private static final CsvColumns COLUMNS = CsvColumns.of(List.of("code", "name"),
            List.of("parent", "kind", "day", "share", "active", "note"));

    enum Kind implements Aliased {
        ONE("một"), TWO("hai");

        private final List<String> aliases;

        Kind(String... aliases) {
            this.aliases = List.of(aliases);
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }
    }

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void readsAFileOrRejectsIt(byte[] file) {
        Fuzzing.withinASecond(() -> {
            try {
                CsvSheet sheet = CsvSheet.open(new ByteArrayInputStream(file), COLUMNS);
                boolean shares = sheet.hasColumn("share");
                sheet.forEachLine(line -> {
                    line.code("code");
                    line.required("name", 255);
                    line.optionalCode("parent");
                    line.optionalEnum("kind", Kind.class);
                    line.optionalDate("day");
                    if (shares) {
                        line.requiredPercent("share");
                    }
                    line.optionalBoolean("active");
                    line.text("note", 50);
                });
                sheet.rejectIfErrors();
            } catch (CsvRejectedException rejected) {
                assertThat(rejected.errors()).isNotEmpty().hasSizeLessThanOrEqualTo(rejected.total());
            }
        });
    }
}
