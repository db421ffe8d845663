package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicit.lms.TestDatabase.csv;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import write paths against a real (in-memory H2) database built by the migrations. */
class RosterImportDatabaseTest {

    private static final String PROVINCE = """
            code,name,level,sector,parent_code
            UBND-TINH,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
            SO-TTTT,Sở Thông tin và Truyền thông,PROVINCE,STATE,UBND-TINH
            UBND-H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,UBND-TINH
            UBND-X1,Ủy ban nhân dân xã Một,COMMUNE,STATE,UBND-H1
            """;

    private TestDatabase database;
    private AgencyImport agencies;
    private OfficialImport officials;

    @BeforeEach
    void emptyDatabase() {
        database = new TestDatabase();
        agencies = database.wire(new AgencyImport());
        officials = database.wire(new OfficialImport());
    }

    private String query(String sql) {
        return database.query(sql);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        assertThat(agencies.apply(csv(PROVINCE))).isEqualTo(new ImportResult(4, 0, 0));
        assertThat(agencies.apply(csv(PROVINCE))).isEqualTo(new ImportResult(0, 0, 4));
    }

    @Test
    void pathsFollowTheTreeAfterAMove() {
        agencies.apply(csv(PROVINCE));
        agencies.apply(csv("""
                code,name,level,sector,parent_code
                UBND-H2,Ủy ban nhân dân huyện Hai,DISTRICT,STATE,UBND-TINH
                UBND-X1,Ủy ban nhân dân xã Một,COMMUNE,STATE,UBND-H2
                """));
        String paths = query("SELECT a.code, a.path = p.path || a.id || '/' FROM agency a JOIN agency p ON p.id = a.parent_id ORDER BY a.code");
        assertThat(paths).isEqualTo("SO-TTTT|TRUE\nUBND-H1|TRUE\nUBND-H2|TRUE\nUBND-X1|TRUE\n");
        assertThat(query("SELECT p.code FROM agency a JOIN agency p ON p.id = a.parent_id WHERE a.code = 'UBND-X1'"))
                .isEqualTo("UBND-H2\n");
    }

    @Test
    void officialsAreCreatedUpdatedOrLeftAlone() {
        agencies.apply(csv(PROVINCE));
        assertThat(officials.apply(csv("""
                employee_code,full_name,agency_code,position,email
                CB1,Nguyễn Văn An,SO-TTTT,LEADER,an@sonlam.gov.vn
                CB2,Trần Thị Bình,UBND-X1,STAFF,
                """), Scope.ALL)).isEqualTo(new ImportResult(2, 0, 0));
        assertThat(officials.apply(csv("""
                employee_code,full_name,agency_code,position,active
                CB1,Nguyễn Văn An,SO-TTTT,LEADER,
                CB2,Trần Thị Bình,UBND-H1,STAFF,false
                CB3,Lê Văn Cường,UBND-X1,IT_SPECIALIST,
                """), Scope.ALL)).isEqualTo(new ImportResult(1, 1, 1));
        // The second file has no e-mail column: CB1 keeps the address it had.
        assertThat(query("SELECT o.employee_code, a.code, o.email, o.active, o.search_key FROM official o"
                + " JOIN agency a ON a.id = o.agency_id ORDER BY 1")).isEqualTo("""
                CB1|SO-TTTT|an@sonlam.gov.vn|TRUE|nguyen van an cb1
                CB2|UBND-H1|null|FALSE|tran thi binh cb2
                CB3|UBND-X1|null|TRUE|le van cuong cb3
                """);
    }

    @Test
    void aScopedImportCannotTouchAgenciesOrOfficialsOutsideIt() {
        agencies.apply(csv(PROVINCE));
        officials.apply(csv("employee_code,full_name,agency_code,position\nCB1,An,SO-TTTT,STAFF\n"), Scope.ALL);
        Scope district = new Scope(Scope.Kind.SUBTREE,
                query("SELECT path FROM agency WHERE code = 'UBND-H1'").strip());

        assertThatThrownBy(() -> officials.apply(csv("""
                employee_code,full_name,agency_code,position
                CB1,An,UBND-X1,STAFF
                CB9,Chín,SO-TTTT,STAFF
                """), district)).isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                .extracting(err -> err.line() + ":" + err.messageKey())
                .containsExactlyInAnyOrder("3:roster.official.unknownAgency", "2:roster.official.outOfScope"));
        assertThat(query("SELECT COUNT(*) FROM official")).isEqualTo("1\n");
        assertThat(officials.apply(csv("employee_code,full_name,agency_code,position\nCB5,Năm,UBND-X1,STAFF\n"),
                district)).isEqualTo(new ImportResult(1, 0, 0));
    }

    @Test
    void aRejectedFileWritesNothing() {
        assertThatThrownBy(() -> agencies.apply(csv(PROVINCE + "BAD,,PROVINCE,STATE,\n")))
                .isInstanceOf(CsvRejectedException.class);
        assertThat(query("SELECT COUNT(*) FROM agency")).isEqualTo("0\n");
    }
}
