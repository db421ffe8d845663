package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvRejectedException;
import org.junit.jupiter.api.Test;

class AgencyImportReadTest {

    private static final Map<String, AgencyImport.Stored> DATABASE = Map.of(
            "UBND-TINH", new AgencyImport.Stored(50, "UBND-TINH", "UBND tỉnh", Level.PROVINCE, Sector.STATE, null, null),
            "UBND-H1", new AgencyImport.Stored(100, "UBND-H1", "UBND huyện", Level.DISTRICT, Sector.STATE, "UBND-TINH", "Huyện Một"),
            "UBND-X1", new AgencyImport.Stored(150, "UBND-X1", "UBND xã", Level.COMMUNE, Sector.STATE, "UBND-H1", null));

    private static List<AgencyImport.Row> read(String csv) {
        return AgencyImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), DATABASE);
    }

    private static List<CsvError> errors(String csv) {
        try {
            read(csv);
        } catch (CsvRejectedException e) {
            return e.errors();
        }
        return List.of();
    }

    @Test
    void aParentMayBeInTheDatabaseOrEarlierInTheFile() {
        List<AgencyImport.Row> rows = read("""
                code,name,level,sector,parent_code
                HU-H2,Huyện ủy H2,huyện,đảng,
                DU-X2,Đảng ủy xã X2,xã,đảng,HU-H2
                PNV-H1,Phòng Nội vụ,HUYEN,CHINH_QUYEN,UBND-H1
                """);
        assertThat(rows).extracting(AgencyImport.Row::code, AgencyImport.Row::level, AgencyImport.Row::parentCode)
                .containsExactly(tuple("HU-H2", Level.DISTRICT, null), tuple("DU-X2", Level.COMMUNE, "HU-H2"),
                        tuple("PNV-H1", Level.DISTRICT, "UBND-H1"));
    }

    @Test
    void anAreaIsReadWhenTheColumnIsThereAndKeptFromTheDatabaseWhenItIsNot() {
        assertThat(read("""
                code,name,level,sector,parent_code,area
                UBND-H1,UBND huyện,DISTRICT,STATE,UBND-TINH,
                HU-H1,Huyện ủy H1,DISTRICT,PARTY,,Huyện Một
                """)).extracting(AgencyImport.Row::code, AgencyImport.Row::area)
                .containsExactly(tuple("UBND-H1", null), tuple("HU-H1", "Huyện Một"));
        assertThat(read("""
                code,name,level,sector
                UBND-H1,UBND huyện,DISTRICT,STATE
                """)).extracting(AgencyImport.Row::area).containsExactly("Huyện Một");
    }

    @Test
    void anAreaLongerThanANameIsAnError() {
        assertThat(errors("code,name,level,sector,area\nA,An agency,PROVINCE,STATE," + "x".repeat(256) + "\n"))
                .extracting(CsvError::column, CsvError::messageKey).containsExactly(tuple("area", "csv.value.tooLong"));
    }

    @Test
    void aParentDefinedOnlyLaterInTheFileIsAnError() {
        assertThat(errors("""
                code,name,level,sector,parent_code
                DU-X2,Đảng ủy xã X2,COMMUNE,PARTY,HU-H2
                HU-H2,Huyện ủy H2,DISTRICT,PARTY,
                """)).extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(tuple(2L, "parent_code", "roster.agency.unknownParent"));
    }

    @Test
    void aCodeTwiceInTheFileNamesTheEarlierLine() {
        List<CsvError> errors = errors("""
                code,name,level,sector
                A,First,PROVINCE,STATE
                A,Second,PROVINCE,STATE
                """);
        assertThat(errors).extracting(CsvError::line, CsvError::messageKey)
                .containsExactly(tuple(3L, "roster.agency.duplicate"));
        assertThat(errors.get(0).arguments()).containsExactly("A", 2L);
    }

    @Test
    void anAgencyCannotBeItsOwnParent() {
        assertThat(errors("code,name,level,sector,parent_code\nA,Self,PROVINCE,STATE,A\n"))
                .extracting(CsvError::messageKey).containsExactly("roster.agency.ownParent");
    }

    @Test
    void anAgencyCannotSitAboveItsParentsLevel() {
        assertThat(errors("code,name,level,sector,parent_code\nS,Sở,PROVINCE,STATE,UBND-X1\n"))
                .extracting(CsvError::column, CsvError::messageKey)
                .containsExactly(tuple("level", "roster.agency.levelAboveParent"));
    }

    @Test
    void aParentsLevelChangedLaterInTheFileIsCheckedToo() {
        assertThat(errors("""
                code,name,level,sector,parent_code
                NEW-X,Xã mới,COMMUNE,STATE,UBND-H1
                UBND-H1,UBND huyện,COMMUNE,STATE,UBND-TINH
                NEW-H,Huyện mới,DISTRICT,STATE,UBND-H1
                """)).extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(tuple(4L, "level", "roster.agency.levelAboveParent"));
    }

    @Test
    void aStoredChildKeepsItsParentFromRisingBelowIt() {
        assertThat(errors("code,name,level,sector,parent_code\nUBND-H1,UBND huyện,COMMUNE,STATE,UBND-TINH\n"))
                .as("UBND-X1 is a commune under UBND-H1; a commune may sit under a commune")
                .isEmpty();
        assertThat(errors("code,name,level,sector,parent_code\nUBND-TINH,UBND tỉnh,COMMUNE,STATE,\n"))
                .extracting(CsvError::line, CsvError::column, CsvError::messageKey)
                .containsExactly(tuple(2L, "level", "roster.agency.levelAboveChild"));
    }

    @Test
    void movingAnAgencyUnderItsOwnDescendantIsRefused() {
        assertThat(errors("code,name,level,sector,parent_code\nUBND-H1,UBND huyện,COMMUNE,STATE,UBND-X1\n"))
                .extracting(CsvError::line, CsvError::messageKey)
                .containsExactly(tuple(2L, "roster.agency.cycle"));
    }

    @Test
    void withoutAParentColumnAStoredAgencyKeepsItsParent() {
        assertThat(read("code,name,level,sector\nUBND-X1,UBND xã mới,COMMUNE,STATE\n"))
                .extracting(AgencyImport.Row::parentCode).containsExactly("UBND-H1");
    }

    @Test
    void everyBadCellOfEveryLineIsListed() {
        assertThat(errors("""
                code,name,level,sector,parent_code
                ,Nameless,PROVINCE,STATE,
                B,,CITY,STATE,
                C,Name,COMMUNE,NGO,NOPE
                """)).extracting(CsvError::line, CsvError::column)
                .containsExactly(tuple(2L, "code"), tuple(3L, "name"), tuple(3L, "level"),
                        tuple(4L, "sector"), tuple(4L, "parent_code"));
    }

    @Test
    void aMissingColumnStopsBeforeAnyLine() {
        assertThatThrownBy(() -> read("code,name,level\nA,B,PROVINCE\n"))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.errors())
                        .extracting(CsvError::line, CsvError::column).containsExactly(tuple(1L, "sector")));
    }

    @Test
    void aChainOfThirtyThousandAgenciesIsCheckedAtOnce() {
        StringBuilder csv = new StringBuilder("code,name,level,sector,parent_code\nA0,Sở,PROVINCE,STATE,\n");
        for (int i = 1; i < 30_000; i++) {
            csv.append('A').append(i).append(",Phòng,PROVINCE,STATE,A").append(i - 1).append('\n');
        }
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> read(csv.toString()))).hasSize(30_000);
    }

    @Test
    void aLoopIsToldOnEachOfItsLinesAndNotOnTheLinesHangingFromIt() {
        assertThat(errors("""
                code,name,level,sector,parent_code
                A,Một,PROVINCE,STATE,C
                B,Hai,PROVINCE,STATE,A
                C,Ba,PROVINCE,STATE,B
                D,Bốn,PROVINCE,STATE,C
                E,Năm,PROVINCE,STATE,D
                """)).extracting(CsvError::line, CsvError::messageKey).containsExactly(
                tuple(2L, "roster.agency.unknownParent"), tuple(2L, "roster.agency.cycle"),
                tuple(3L, "roster.agency.cycle"), tuple(4L, "roster.agency.cycle"));
    }
}
