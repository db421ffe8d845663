package org.civicit.lms.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Sector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnumTextTest {

    @ParameterizedTest
    @CsvSource({
        "PROVINCE,PROVINCE", "province,PROVINCE", "TINH,PROVINCE", "tinh,PROVINCE", "tỉnh,PROVINCE", "TỈNH,PROVINCE",
        "DISTRICT,DISTRICT", "HUYEN,DISTRICT", "huyện,DISTRICT", "Huyện,DISTRICT",
        "COMMUNE,COMMUNE", "XA,COMMUNE", "xã,COMMUNE", "Xã,COMMUNE"})
    void levelsByNameOrVietnameseWord(String text, Level expected) {
        assertThat(EnumText.parse(Level.class, text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"PARTY,PARTY", "Dang,PARTY", "DANG,PARTY", "đảng,PARTY", "Đảng,PARTY",
        "STATE,STATE", "chinh_quyen,STATE", "CHINH_QUYEN,STATE", "chính quyền,STATE", "Chính quyền,STATE"})
    void sectorsByNameOrVietnameseWord(String text, Sector expected) {
        assertThat(EnumText.parse(Sector.class, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xã", "tỉnh", "huyện"})
    void decomposedDiacriticsMatchToo(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        assertThat(EnumText.parse(Level.class, decomposed)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanh pho", "xaa", "PROVINCES", "", "  "})
    void otherWordsAreNotLevels(String text) {
        assertThat(EnumText.parse(Level.class, text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"leader,LEADER", "it_specialist,IT_SPECIALIST", "Staff,STAFF"})
    void positionsInAnyCase(String text, Position expected) {
        assertThat(EnumText.parse(Position.class, text)).contains(expected);
    }

    /** Two constants claiming one word: the first, as they are declared, takes it; a name before an alias. */
    enum Shared implements Aliased {
        FIRST("chung"), SECOND("chung", "first"), THIRD();

        private final List<String> aliases;

        Shared(String... aliases) {
            this.aliases = List.of(aliases);
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }
    }

    @ParameterizedTest
    @CsvSource({"chung,FIRST", "CHUNG,FIRST", "first,FIRST", "second,SECOND", "third,THIRD"})
    void aWordTwoConstantsClaimIsTheFirstOnes(String text, Shared expected) {
        assertThat(EnumText.parse(Shared.class, text)).contains(expected);
    }
}
