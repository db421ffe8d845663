package org.civicit.lms.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvRejectedException;
import org.junit.jupiter.api.Test;

class AttendanceImportReadTest {

    private static final Set<String> SEATED = Set.of("CB-1", "CB-2", "CB-3", "CB-4");

    private static List<AttendanceRegister.Mark> read(String csv) {
        return AttendanceImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), SEATED, "LOP-1");
    }

    private static List<CsvError> errors(String csv) {
        return catchThrowableOfType(CsvRejectedException.class, () -> read(csv)).errors();
    }

    @Test
    void readsEnglishCodesAndTheRegistersVietnameseWords() {
        assertThat(read("""
                \uFEFFstatus,employee_code,full_name
                present,CB-1,Phạm Thị Bình
                Đi muộn,CB-2,
                có phép,CB-3,
                Vắng,CB-4,
                """)).containsExactly(
                new AttendanceRegister.Mark("CB-1", AttendanceStatus.PRESENT),
                new AttendanceRegister.Mark("CB-2", AttendanceStatus.LATE),
                new AttendanceRegister.Mark("CB-3", AttendanceStatus.EXCUSED),
                new AttendanceRegister.Mark("CB-4", AttendanceStatus.ABSENT));
        assertThat(read("employee_code,status\nCB-1,Có mặt\n")).containsExactly(
                new AttendanceRegister.Mark("CB-1", AttendanceStatus.PRESENT));
    }

    @Test
    void everyBadLineIsReportedWithItsLineAndColumn() {
        assertThat(errors("""
                employee_code,status
                CB-1,PRESENT
                CB-2,SLEEPING
                NO-SEAT,ABSENT
                CB-1,LATE
                CB-3,
                """)).extracting(CsvError::line, CsvError::column).containsExactly(
                tuple(3L, "status"), tuple(4L, "employee_code"), tuple(5L, "employee_code"), tuple(6L, "status"));
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutLinesIsRefused() {
        assertThat(errors("employee_code,mark\nCB-1,PRESENT\n")).extracting(CsvError::column)
                .containsExactlyInAnyOrder("mark", "status");
        assertThat(errors("employee_code,status\n")).extracting(CsvError::line).containsExactly(1L);
    }
}
