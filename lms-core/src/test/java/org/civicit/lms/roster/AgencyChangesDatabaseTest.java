package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicit.lms.TestDatabase.csv;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.platform.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's changes to one agency, against a database built by the migrations. */
class AgencyChangesDatabaseTest {

    private TestDatabase database;
    private AgencyChanges changes;
    private OfficialImport officials;

    @BeforeEach
    void province() {
        database = new TestDatabase();
        changes = database.wire(new AgencyChanges());
        officials = database.wire(new OfficialImport());
        database.wire(new AgencyImport()).apply(csv("""
                code,name,level,sector,parent_code
                TINH,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
                H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,TINH
                H2,Ủy ban nhân dân huyện Hai,DISTRICT,STATE,TINH
                X1,Ủy ban nhân dân xã Một,COMMUNE,STATE,H1
                """));
    }

    private String parentOf(String code) {
        return database.query("SELECT p.code FROM agency a LEFT JOIN agency p ON p.id = a.parent_id WHERE a.code = '"
                + code + "'").strip();
    }

    private static String refusal(Runnable change) {
        try {
            change.run();
        } catch (BusinessException e) {
            return e.messageKey();
        }
        throw new AssertionError("The change was not refused");
    }

    @Test
    void renamingKeepsTheCodeAndRefusesAnEmptyName() {
        changes.rename("H1", "  Ủy ban nhân dân thị xã Một ");
        assertThat(database.query("SELECT name FROM agency WHERE code = 'H1'")).isEqualTo("Ủy ban nhân dân thị xã Một\n");
        assertThat(refusal(() -> changes.rename("H1", " "))).isEqualTo("roster.agency.name");
        assertThat(refusal(() -> changes.rename("NONE", "x"))).isEqualTo("roster.agency.notFound");
    }

    @Test
    void movingTakesTheSubtreeAlongAndKeepsThePathsTrue() {
        changes.move("X1", "H2");
        assertThat(parentOf("X1")).isEqualTo("H2");
        assertThat(database.query("SELECT COUNT(*) FROM agency a JOIN agency p ON p.id = a.parent_id"
                + " WHERE a.path <> p.path || a.id || '/'")).isEqualTo("0\n");
        changes.move("H1", "");
        assertThat(parentOf("H1")).isEqualTo("null");
        assertThat(database.query("SELECT path = '/' || id || '/' FROM agency WHERE code = 'H1'")).isEqualTo("TRUE\n");
    }

    @Test
    void anAgencyCannotGoUnderItselfOrItsOwnDescendant() {
        assertThat(refusal(() -> changes.move("H1", "H1"))).isEqualTo("roster.agency.ownParent");
        assertThat(refusal(() -> changes.move("TINH", "X1"))).isEqualTo("roster.agency.cycle");
        assertThat(refusal(() -> changes.move("H1", "X1"))).isEqualTo("roster.agency.cycle");
        assertThat(parentOf("H1")).isEqualTo("TINH");
        assertThat(parentOf("TINH")).isEqualTo("null");
    }

    @Test
    void aMoveKeepsLevelsInOrderAndNeedsAKnownActiveParent() {
        assertThat(refusal(() -> changes.move("H2", "X1"))).isEqualTo("roster.agency.levelAboveParent");
        assertThat(refusal(() -> changes.move("X1", "NONE"))).isEqualTo("roster.agency.unknownParent");
        changes.setActive("H2", false);
        assertThat(refusal(() -> changes.move("X1", "H2"))).isEqualTo("roster.agency.parentInactive");
        assertThat(parentOf("X1")).isEqualTo("H1");
    }

    @Test
    void anAgencyIsDeactivatedOnlyOnceNoOneActiveIsLeftInIt() {
        officials.apply(csv("employee_code,full_name,agency_code,position\nC1,Lê Văn Cường,X1,STAFF\n"), Scope.ALL);
        assertThat(refusal(() -> changes.setActive("H1", false))).isEqualTo("roster.agency.activeChildren");
        assertThat(refusal(() -> changes.setActive("X1", false))).isEqualTo("roster.agency.activeOfficials");

        officials.apply(csv("employee_code,full_name,agency_code,position,active\nC1,Lê Văn Cường,X1,STAFF,false\n"),
                Scope.ALL);
        changes.setActive("X1", false);
        changes.setActive("H1", false);
        assertThat(database.query("SELECT code FROM agency WHERE NOT active ORDER BY code")).isEqualTo("H1\nX1\n");

        assertThat(refusal(() -> changes.setActive("X1", true))).isEqualTo("roster.agency.parentInactive");
        changes.setActive("H1", true);
        changes.setActive("X1", true);
        assertThat(database.query("SELECT COUNT(*) FROM agency WHERE NOT active")).isEqualTo("0\n");
    }

    @Test
    void anAgencyWithAnHrAccountThatMayLogInStaysActive() {
        database.execute("INSERT INTO account (id, username, agency_id, version) SELECT 1, 'hr-h2', id, 0"
                + " FROM agency WHERE code = 'H2'");
        assertThat(refusal(() -> changes.setActive("H2", false))).isEqualTo("roster.agency.hrAccounts");
        database.execute("UPDATE account SET disabled = TRUE WHERE username = 'hr-h2'");
        changes.setActive("H2", false);
    }

    @Test
    void aDeactivatedAgencyIsOfferedToNoNewOrActiveOfficial() {
        changes.setActive("H2", false);
        assertThatThrownBy(() -> officials.apply(csv("""
                employee_code,full_name,agency_code,position
                C2,Phạm Thị Dung,H2,STAFF
                """), Scope.ALL))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.line()).isEqualTo(2);
                            assertThat(error.messageKey()).isEqualTo("roster.official.inactiveAgency");
                        }));
        assertThat(database.query("SELECT COUNT(*) FROM official")).isEqualTo("0\n");
        // A person who has left may still be recorded there, for the history.
        officials.apply(csv("employee_code,full_name,agency_code,position,active\nC3,Đỗ Văn Em,H2,STAFF,false\n"),
                Scope.ALL);
        assertThat(database.query("SELECT COUNT(*) FROM official")).isEqualTo("1\n");
    }
}
