package org.civicit.lms.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.CsvSheet;
import org.junit.jupiter.api.Test;

class VenueImportReadTest {

    private static List<Venues.Draft> read(String csv) {
        return VenueImport.read(CsvSheet.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                VenueImport.COLUMNS)).stream().map(VenueImport.Line::draft).toList();
    }

    private static List<CsvError> errors(String csv) {
        return catchThrowableOfType(CsvRejectedException.class, () -> read(csv)).errors();
    }

    @Test
    void readsEveryKindWithColumnsInAnyOrder() {
        List<Venues.Draft> drafts = read("""
                \uFEFFseats,kind,code,name,address
                120,hall,HT-TINH,Hội trường tỉnh,"Số 1, đường Trần Hưng Đạo"
                30,COMPUTER_ROOM,PM-01,Phòng máy 01,
                25,Video_Point,DC-YEN-HOA,Điểm cầu huyện Yên Hòa,
                """);
        assertThat(drafts).containsExactly(
                new Venues.Draft("HT-TINH", "Hội trường tỉnh", VenueKind.HALL, 120, "Số 1, đường Trần Hưng Đạo"),
                new Venues.Draft("PM-01", "Phòng máy 01", VenueKind.COMPUTER_ROOM, 30, null),
                new Venues.Draft("DC-YEN-HOA", "Điểm cầu huyện Yên Hòa", VenueKind.VIDEO_POINT, 25, null));
    }

    @Test
    void everyBadLineIsReportedWithItsLineAndColumn() {
        List<CsvError> errors = errors("""
                code,name,kind,seats
                HT-1,Hội trường,HALL,0
                HT-2,,HALL,10
                HT-3,Phòng,KITCHEN,10
                HT 4,Phòng,HALL,10
                HT-1,Hội trường lại,HALL,ba mươi
                """);
        assertThat(errors).extracting(CsvError::line, CsvError::column).containsExactly(
                tuple(2L, "seats"), tuple(3L, "name"),
                tuple(4L, "kind"), tuple(5L, "code"),
                tuple(6L, "seats"), tuple(6L, "code"));
    }

    @Test
    void aMissingOrUnknownColumnRejectsTheFile() {
        assertThat(errors("code,name,kind\nHT-1,Hội trường,HALL\n")).extracting(CsvError::column)
                .containsExactly("seats");
        assertThat(errors("code,name,kind,seats,floor\nHT-1,Hội trường,HALL,10,2\n")).hasSize(1);
    }
}
