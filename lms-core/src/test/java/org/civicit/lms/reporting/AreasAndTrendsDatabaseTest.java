package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicit.lms.TestDatabase.csv;
import static org.civicit.lms.TestDatabase.province;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.TargetImport;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.roster.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Districts by area, names, targets by due date, drill-down slices, trends and the IT staff report. */
class AreasAndTrendsDatabaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    private TestDatabase database;
    private CertificationReport report;
    private AgencyImport agencies;
    private TargetImport targets;

    @BeforeEach
    void smallProvince() {
        database = new TestDatabase();
        agencies = database.wire(new AgencyImport());
        agencies.apply(province("agencies.csv"));
        database.wire(new OfficialImport()).apply(province("officials.csv"), Scope.ALL);
        database.wire(new CertificateImport()).apply(province("certificates.csv"), Scope.ALL);
        database.execute("UPDATE certificate SET revoked_at = CURRENT_TIMESTAMP WHERE number = 'T-A4'");
        database.rebuildCertificationSpans();
        targets = database.wire(new TargetImport());
        targets.apply(province("targets.csv"));
        report = database.wire(new CertificationReport());
    }

    private static List<String> lines(List<ReportRow> rows) {
        return rows.stream().map(r -> String.join(",", r.group(), r.name(), String.valueOf(r.officials()),
                String.valueOf(r.counted()), String.valueOf(r.ratePercent()), String.valueOf(r.targetPercent()))).toList();
    }

    private List<ReportRow> run(Grouping grouping, Slice slice, LocalDate day) {
        return report.run(Scope.ALL, "BASIC-IT", grouping, slice, day, Locale.ENGLISH);
    }

    private void giveDistrictOneAnArea() {
        assertThat(agencies.apply(csv("""
                code,name,level,sector,parent_code,area
                H1,Ủy ban nhân dân huyện Một,DISTRICT,STATE,P,Huyện Một
                HU1,Huyện ủy Một,DISTRICT,PARTY,TU,Huyện Một
                """))).isEqualTo(new ImportResult(0, 2, 0));
    }

    @Test
    void withoutAreasEachTopDistrictAgencyIsADistrictNamedAsTheAgency() {
        assertThat(lines(run(Grouping.DISTRICT, Slice.ALL, DAY))).containsExactly(
                "H1,Ủy ban nhân dân huyện Một,8,3,37.5,null",
                "HU1,Huyện ủy Một,3,2,66.7,null",
                "PROVINCE,Province-level agencies,6,3,50.0,null",
                "TOTAL,Total,17,8,47.1,null");
    }

    @Test
    void anAreaMakesTheDistrictsPartyAndStateBodiesAndTheirCommunesOneRow() {
        giveDistrictOneAnArea();
        assertThat(lines(run(Grouping.DISTRICT, Slice.ALL, DAY))).containsExactly(
                "Huyện Một,Huyện Một,11,5,45.5,null",
                "PROVINCE,Province-level agencies,6,3,50.0,null",
                "TOTAL,Total,17,8,47.1,null");
        assertThat(lines(report.run(Scope.ALL, "BASIC-IT", Grouping.LEVEL, Slice.ALL, DAY, Locale.forLanguageTag("vi"))))
                .extracting(line -> line.split(",")[1]).containsExactly("Tỉnh", "Huyện", "Xã", "Tổng cộng");
    }

    @Test
    void aSliceDrillsDownFromALevelToItsDistrictsAndFromADistrictToItsAgencies() {
        giveDistrictOneAnArea();
        assertThat(lines(run(Grouping.DISTRICT, new Slice(Level.COMMUNE, null, null), DAY))).containsExactly(
                "Huyện Một,Huyện Một,7,2,28.6,null",
                "TOTAL,Total,7,2,28.6,null");
        assertThat(lines(run(Grouping.AGENCY, new Slice(Level.COMMUNE, null, "Huyện Một"), DAY))).containsExactly(
                "DX1,Đảng ủy xã Một,2,1,50.0,80.0",
                "X1,Ủy ban nhân dân xã Một,3,1,33.3,80.0",
                "X2,Ủy ban nhân dân xã Hai,2,0,0.0,80.0",
                "TOTAL,Total,7,2,28.6,null");
        assertThat(lines(run(Grouping.AGENCY, new Slice(null, null, Slice.PROVINCE_GROUP), DAY)))
                .extracting(line -> line.split(",")[0]).containsExactly("P", "PS", "ROOT", "TU", "TOTAL");
    }

    @Test
    void theTargetInForceIsTheNextDueDateAndAfterTheLastOneTheLast() {
        assertThat(targets.apply(csv("""
                programme_code,level,target_percent,due_on
                BASIC-IT,COMMUNE,60,2015-12-31
                BASIC-IT,COMMUNE,70,2020-12-31
                """))).isEqualTo(new ImportResult(2, 0, 0));
        assertThat(targets.apply(csv("programme_code,level,target_percent,due_on\nBASIC-IT,COMMUNE,75,2020-12-31\n")))
                .isEqualTo(new ImportResult(0, 1, 0));
        assertThat(communeTarget(LocalDate.of(2015, 12, 31))).isEqualByComparingTo("60");
        assertThat(communeTarget(LocalDate.of(2016, 1, 1))).isEqualByComparingTo("75");
        assertThat(communeTarget(LocalDate.of(2027, 12, 31))).isEqualByComparingTo("80");
        assertThat(communeTarget(LocalDate.of(2031, 1, 1))).isEqualByComparingTo("80");
    }

    private BigDecimal communeTarget(LocalDate day) {
        return run(Grouping.LEVEL, Slice.ALL, day).stream().filter(r -> r.group().equals("COMMUNE"))
                .findFirst().orElseThrow().targetPercent();
    }

    @Test
    void theTrendIsTheByLevelReportAtTheEndOfEachYearAndOnTheLastDay() {
        CertificationReport.Trend trend = report.trend(Scope.ALL, "BASIC-IT", null, DAY,
                CertificationReport.Step.YEAR, Locale.ENGLISH);
        assertThat(trend.points()).extracting(CertificationReport.Point::asOf).containsExactly(
                LocalDate.of(2020, 12, 31), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 12, 31),
                LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31), DAY);
        for (CertificationReport.Point point : trend.points()) {
            assertThat(point.rows()).as("%s", point.asOf()).isEqualTo(run(Grouping.LEVEL, Slice.ALL, point.asOf()));
        }
        assertThat(lines(trend.points().get(0).rows())).containsExactly(
                "PROVINCE,Province,6,0,0.0,100.0",
                "DISTRICT,District,4,1,25.0,100.0",
                "COMMUNE,Commune,7,0,0.0,80.0",
                "TOTAL,Total,17,1,5.9,null");
        assertThat(trend.targets()).extracting(Target::level).containsExactly(Level.PROVINCE, Level.DISTRICT,
                Level.COMMUNE);
    }

    @Test
    void aQuarterlyTrendEndsEachQuarterAndABackwardPeriodIsRefused() {
        assertThat(CertificationReport.days(LocalDate.of(2025, 11, 15), LocalDate.of(2026, 5, 1),
                CertificationReport.Step.QUARTER)).containsExactly(
                LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 1));
        assertThat(CertificationReport.days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 9, 30),
                CertificationReport.Step.QUARTER)).containsExactly(
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> report.trend(Scope.ALL, "BASIC-IT", DAY, DAY.minusDays(1),
                CertificationReport.Step.YEAR, Locale.ENGLISH)).isInstanceOf(BusinessException.Invalid.class);
        assertThatThrownBy(() -> CertificationReport.days(LocalDate.of(1900, 1, 1), DAY,
                CertificationReport.Step.QUARTER)).isInstanceOf(BusinessException.Invalid.class);
    }

    @Test
    void aProvinceWithoutDistrictsShowsOnlyItsLevelsAndBreaksNothing() {
        TestDatabase twoTier = new TestDatabase();
        twoTier.wire(new AgencyImport()).apply(csv("""
                code,name,level,sector,parent_code
                T,Ủy ban nhân dân tỉnh,PROVINCE,STATE,
                X,Ủy ban nhân dân xã,COMMUNE,STATE,T
                """));
        twoTier.wire(new OfficialImport()).apply(csv("""
                employee_code,full_name,agency_code,position
                T1,Nguyễn Văn Tỉnh,T,STAFF
                X1,Nguyễn Văn Xã,X,STAFF
                """), Scope.ALL);
        twoTier.wire(new TargetImport()).apply(csv("programme_code,level,target_percent,due_on\nBASIC-IT,COMMUNE,80,2030-12-31\n"));
        CertificationReport twoTierReport = twoTier.wire(new CertificationReport());
        assertThat(lines(twoTierReport.run(Scope.ALL, "BASIC-IT", Grouping.LEVEL, Slice.ALL, DAY, Locale.ENGLISH)))
                .containsExactly("PROVINCE,Province,1,0,0.0,null", "COMMUNE,Commune,1,0,0.0,80.0",
                        "TOTAL,Total,2,0,0.0,null");
        assertThat(lines(twoTierReport.run(Scope.ALL, "BASIC-IT", Grouping.DISTRICT, Slice.ALL, DAY, Locale.ENGLISH)))
                .containsExactly("PROVINCE,Province-level agencies,2,0,0.0,null", "TOTAL,Total,2,0,0.0,null");
        assertThat(twoTierReport.trend(Scope.ALL, "BASIC-IT", null, DAY, CertificationReport.Step.YEAR, Locale.ENGLISH)
                .points()).extracting(CertificationReport.Point::asOf).containsExactly(DAY);
    }

    @Test
    void itStaffCountOnlyTheActiveItSpecialistsAndADegreeFromCollegeUp() {
        database.wire(new OfficialImport()).apply(csv("""
                employee_code,full_name,agency_code,position,it_degree,active
                B2,Bùi Thị Hà,H1,IT_SPECIALIST,UNIVERSITY,true
                IT1,Lê Văn Mạng,PS,IT_SPECIALIST,COLLEGE,true
                IT2,Trần Văn Máy,PS,IT_SPECIALIST,VOCATIONAL,true
                IT3,Phạm Văn Số,X1,IT_SPECIALIST,POSTGRADUATE,false
                IT4,Hồ Thị Dữ,TU,STAFF,UNIVERSITY,true
                """), Scope.ALL);
        ItStaffReport itStaff = database.wire(new ItStaffReport());
        assertThat(lines(itStaff.run(Scope.ALL, Grouping.LEVEL, Slice.ALL, Locale.ENGLISH))).containsExactly(
                "PROVINCE,Province,2,1,50.0,null",
                "DISTRICT,District,1,1,100.0,null",
                "TOTAL,Total,3,2,66.7,null");
        assertThat(lines(itStaff.run(Scope.ALL, Grouping.SECTOR, Slice.ALL, Locale.ENGLISH))).containsExactly(
                "PARTY,Party,0,0,0.0,null",
                "STATE,State,3,2,66.7,null",
                "TOTAL,Total,3,2,66.7,null");
    }

    @Test
    void theExportSelectsOneAgencyWithOrWithoutItsSubtreeAndCertifiedOrNot() {
        OfficialsExport export = database.wire(new OfficialsExport());
        assertThat(export.list(Scope.ALL, 1, DAY, new OfficialsExport.Selection("H1", true, false), 100))
                .extracting(OfficialsExport.Line::employeeCode).containsExactly("B3", "C2", "C3", "C7", "C8");
        assertThat(export.list(Scope.ALL, 1, DAY, new OfficialsExport.Selection("H1", false, false), 100))
                .extracting(OfficialsExport.Line::employeeCode).containsExactly("B3");
        assertThat(export.list(Scope.ALL, 1, DAY, new OfficialsExport.Selection("H1", false, true), 100))
                .extracting(OfficialsExport.Line::employeeCode).containsExactly("B1", "B2");
        Scope district = new Scope(Scope.Kind.SUBTREE, database.query("SELECT path FROM agency WHERE code = 'H1'").strip());
        assertThatThrownBy(() -> export.list(district, 1, DAY, new OfficialsExport.Selection("PS", true, null), 100))
                .isInstanceOf(BusinessException.Invalid.class);
    }
}
