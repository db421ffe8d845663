package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvSheet;
import org.junit.jupiter.api.Test;

class OfficialImportReadTest {

    private static final Map<String, Long> AGENCIES = Map.of("SO-TTTT", 50L, "UBND-X1", 100L);

    private static CsvSheet sheet(String csv) {
        return CsvSheet.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), OfficialImport.COLUMNS);
    }

    private static Map<String, OfficialImport.Row> read(String csv) {
        CsvSheet sheet = sheet(csv);
        var rows = OfficialImport.read(sheet, AGENCIES, Set.of("admin"));
        assertThat(sheet.errors()).isEmpty();
        return rows;
    }

    private static List<CsvError> errors(String csv) {
        CsvSheet sheet = sheet(csv);
        OfficialImport.read(sheet, AGENCIES, Set.of("admin"));
        return sheet.errors();
    }

    @Test
    void readsEveryColumnAndLeavesSilentOnesNull() {
        var rows = read("""
                position,agency_code,full_name,employee_code,email,it_degree,active
                LEADER,SO-TTTT,Trần Thị Bích Ngọc,CB1,ngoc@sonlam.gov.vn,UNIVERSITY,FALSE
                staff,UBND-X1,"Lê Văn Tám",CB2,,,
                """);
        assertThat(rows.values()).extracting(OfficialImport.Row::code, OfficialImport.Row::fullName,
                        OfficialImport.Row::position, OfficialImport.Row::email, OfficialImport.Row::itDegree,
                        OfficialImport.Row::active)
                .containsExactly(
                        tuple("CB1", "Trần Thị Bích Ngọc", Position.LEADER, "ngoc@sonlam.gov.vn", ItDegree.UNIVERSITY, false),
                        tuple("CB2", "Lê Văn Tám", Position.STAFF, null, null, null));
    }

    @Test
    void badValuesAreListedWithTheirLineAndColumn() {
        assertThat(errors("""
                employee_code,full_name,agency_code,position,email,it_degree,active
                CB1,An,NOWHERE,LEADER,,,
                CB2,Bình,SO-TTTT,BOSS,not-an-address,PHD,maybe
                CB1,Chi,SO-TTTT,STAFF,,,
                """)).extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(
                        tuple(2L, "agency_code", "roster.official.unknownAgency"),
                        tuple(3L, "position", "csv.value.enum"),
                        tuple(3L, "it_degree", "csv.value.enum"),
                        tuple(3L, "active", "csv.value.boolean"),
                        tuple(3L, "email", "roster.official.email"),
                        tuple(4L, "employee_code", "roster.official.duplicate"));
    }

    @Test
    void anEmployeeCodeMayNotBeAStaffUsername() {
        assertThat(errors("employee_code,full_name,agency_code,position\nadmin,Kẻ Gian,SO-TTTT,STAFF\n"))
                .extracting(CsvError::column, CsvError::messageKey)
                .containsExactly(tuple("employee_code", "roster.official.staffUsername"));
    }

    @Test
    void theSearchKeyIgnoresDiacriticsAndCase() {
        assertThat(Official.searchKey("Đặng Thị Ngọc Ánh", "CB7")).isEqualTo("dang thi ngoc anh cb7");
    }
}
