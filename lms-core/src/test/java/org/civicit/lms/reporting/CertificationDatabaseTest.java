package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicit.lms.TestDatabase.csv;
import static org.civicit.lms.TestDatabase.province;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.TargetImport;
import org.assertj.core.groups.Tuple;
import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvOutput;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.roster.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The certification report and export over the small province of src/test/resources/province. */
class CertificationDatabaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    private TestDatabase database;
    private CertificationReport report;
    private OfficialsExport export;
    private CertificateImport certificates;

    @BeforeEach
    void smallProvince() {
        database = new TestDatabase();
        database.wire(new AgencyImport()).apply(province("agencies.csv"));
        database.wire(new OfficialImport()).apply(province("officials.csv"), Scope.ALL);
        certificates = database.wire(new CertificateImport());
        assertThat(certificates.apply(province("certificates.csv"), Scope.ALL)).isEqualTo(new ImportResult(14, 0, 0));
        database.execute("UPDATE certificate SET revoked_at = CURRENT_TIMESTAMP WHERE number = 'T-A4'");
        database.rebuildCertificationSpans();
        assertThat(database.wire(new TargetImport()).apply(province("targets.csv"))).isEqualTo(new ImportResult(3, 0, 0));
        report = database.wire(new CertificationReport());
        export = database.wire(new OfficialsExport());
    }

    private static List<String> lines(List<ReportRow> rows) {
        return rows.stream().map(r -> String.join(",", r.group(), String.valueOf(r.officials()),
                String.valueOf(r.counted()), String.valueOf(r.ratePercent()), String.valueOf(r.targetPercent()),
                String.valueOf(r.gapPercent()))).toList();
    }

    private List<ReportRow> run(Scope scope, String programme, Grouping grouping, LocalDate day) {
        return report.run(scope, programme, grouping, Slice.ALL, day, Locale.ENGLISH);
    }

    private Scope subtree(String code) {
        return new Scope(Scope.Kind.SUBTREE, database.query("SELECT path FROM agency WHERE code = '" + code + "'").strip());
    }

    @Test
    void byLevelAgainstTheTargets() {
        assertThat(lines(run(Scope.ALL, "BASIC-IT", Grouping.LEVEL, DAY))).containsExactly(
                "PROVINCE,6,3,50.0,100.0,50.0",
                "DISTRICT,4,3,75.0,100.0,25.0",
                "COMMUNE,7,2,28.6,80.0,51.4",
                "TOTAL,17,8,47.1,null,null");
    }

    @Test
    void bySector() {
        assertThat(lines(run(Scope.ALL, "BASIC-IT", Grouping.SECTOR, DAY))).containsExactly(
                "PARTY,5,3,60.0,null,null",
                "STATE,12,5,41.7,null,null",
                "TOTAL,17,8,47.1,null,null");
    }

    @Test
    void byAgencyEveryAgencyWithItsLevelsTarget() {
        assertThat(lines(run(Scope.ALL, "BASIC-IT", Grouping.AGENCY, DAY))).containsExactly(
                "DX1,2,1,50.0,80.0,30.0",
                "H1,3,2,66.7,100.0,33.3",
                "HU1,1,1,100.0,100.0,0.0",
                "P,0,0,0.0,100.0,100.0",
                "PS,4,2,50.0,100.0,50.0",
                "ROOT,0,0,0.0,100.0,100.0",
                "TU,2,1,50.0,100.0,50.0",
                "X1,3,1,33.3,80.0,46.7",
                "X2,2,0,0.0,80.0,80.0",
                "TOTAL,17,8,47.1,null,null");
    }

    @Test
    void byDistrictWithItsCommunes() {
        assertThat(lines(run(Scope.ALL, "BASIC-IT", Grouping.DISTRICT, DAY))).containsExactly(
                "H1,8,3,37.5,null,null",
                "HU1,3,2,66.7,null,null",
                "PROVINCE,6,3,50.0,null,null",
                "TOTAL,17,8,47.1,null,null");
    }

    @Test
    void anHrScopeCountsOnlyItsSubtreeAndStillListsEveryLevel() {
        assertThat(lines(run(subtree("H1"), "BASIC-IT", Grouping.LEVEL, DAY))).containsExactly(
                "PROVINCE,0,0,0.0,100.0,100.0",
                "DISTRICT,3,2,66.7,100.0,33.3",
                "COMMUNE,5,1,20.0,80.0,60.0",
                "TOTAL,8,3,37.5,null,null");
    }

    @Test
    void anEarlierDayCountsTheCertificatesValidThen() {
        // On 2025-06-30: A1, A4 (revoked: never), A5, A6, B1, B2 (old one) valid.
        assertThat(lines(run(Scope.ALL, "BASIC-IT", Grouping.LEVEL, LocalDate.of(2025, 6, 30)))).containsExactly(
                "PROVINCE,6,3,50.0,100.0,50.0",
                "DISTRICT,4,2,50.0,100.0,50.0",
                "COMMUNE,7,0,0.0,80.0,80.0",
                "TOTAL,17,5,29.4,null,null");
    }

    @Test
    void anotherProgrammeHasNoTargetsYet() {
        assertThat(lines(run(Scope.ALL, "CIO", Grouping.LEVEL, DAY))).containsExactly(
                "PROVINCE,6,0,0.0,null,null",
                "DISTRICT,4,0,0.0,null,null",
                "COMMUNE,7,1,14.3,null,null",
                "TOTAL,17,1,5.9,null,null");
    }

    @Test
    void theExportListsEveryActiveOfficialWithTheCertificateThatCounts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.open(out, OfficialsExport.HEADER)) {
            export.write(Scope.ALL, 1, DAY, OfficialsExport.Selection.ALL, csv);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(18);
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", OfficialsExport.HEADER));
        assertThat(lines).contains(
                "A1,Nguyễn Văn An,PS,Sở Nội vụ,PROVINCE,STATE,true,T-A1,2025-01-01,",
                "A3,Lê Văn Cường,PS,Sở Nội vụ,PROVINCE,STATE,false,,,",
                "A4,Phạm Thị Dung,PS,Sở Nội vụ,PROVINCE,STATE,false,,,",
                "A5,Hoàng Văn Em,TU,Tỉnh ủy,PROVINCE,PARTY,true,T-A5,2024-07-01,2026-06-30",
                "B2,Bùi Thị Hà,H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,true,T-B2-NEW,2026-01-10,");
        assertThat(lines).noneMatch(line -> line.startsWith("C6,"));
        assertThat(lines).filteredOn(line -> line.contains(",true,")).hasSize(8);
    }

    @Test
    void reimportingCertificatesChangesNothingAndBadRowsAreAllListed() {
        assertThat(certificates.apply(province("certificates.csv"), Scope.ALL)).isEqualTo(new ImportResult(0, 0, 14));
        assertThatThrownBy(() -> certificates.apply(csv("""
                employee_code,programme_code,issued_on,certificate_no,expires_on
                NOBODY,BASIC-IT,2025-01-01,,
                A1,BASIC,2025-01-01,,
                A1,BASIC-IT,2999-01-01,,
                A1,BASIC-IT,2025-01-01,,2024-01-01
                A2,BASIC-IT,2025-01-01,T-A1,
                A3,CIO,2025-02-02,,
                A3,CIO,2025-02-02,,
                """), Scope.ALL)).isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                .extracting(CsvError::line, CsvError::messageKey).containsExactly(
                        Tuple.tuple(2L, "certification.import.unknownOfficial"),
                        Tuple.tuple(3L, "certification.import.unknownProgramme"),
                        Tuple.tuple(4L, "certification.import.issuedInFuture"),
                        Tuple.tuple(5L, "certification.import.expiresBeforeIssued"),
                        Tuple.tuple(6L, "certification.import.numberTaken"),
                        Tuple.tuple(8L, "certification.import.duplicateCertificate")));
    }

    @Test
    void aFileMayNotRewriteACertificateIssuedHereOrRevoked() {
        database.execute("UPDATE certificate SET source = 'EXAM' WHERE number = 'T-B1'");
        assertThatThrownBy(() -> certificates.apply(csv("""
                employee_code,programme_code,issued_on,certificate_no,expires_on
                B1,BASIC-IT,2025-05-05,T-B1,2099-01-01
                A4,BASIC-IT,2025-03-01,T-A4,2099-01-01
                """), Scope.ALL)).isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                .extracting(CsvError::line, CsvError::messageKey).containsExactly(
                        Tuple.tuple(2L, "certification.import.notImported"),
                        Tuple.tuple(3L, "certification.import.notImported")));
    }

    @Test
    void withoutANumberTheCertificateGetsAnUnguessableOneAndItsProgrammesValidity() {
        assertThat(certificates.apply(csv("employee_code,programme_code,issued_on\nB3,IT-SPECIALIST,2026-03-01\n"),
                Scope.ALL)).isEqualTo(new ImportResult(1, 0, 0));
        String row = database.query("SELECT c.number, c.expires_on FROM certificate c JOIN official o ON o.id = c.official_id"
                + " WHERE o.employee_code = 'B3'");
        assertThat(row).matches("IT-SPECIALIST-2026-[2-9A-HJ-NP-Z]{8}\\|2029-02-28\n");
        assertThat(certificates.apply(csv("employee_code,programme_code,issued_on\nB3,IT-SPECIALIST,2026-03-01\n"),
                Scope.ALL)).isEqualTo(new ImportResult(0, 0, 1));
    }
}
