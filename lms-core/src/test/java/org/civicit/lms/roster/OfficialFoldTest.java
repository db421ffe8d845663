package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class OfficialFoldTest {

    /** Every Unicode mark: non-spacing, spacing combining and enclosing, in and beyond the first plane. */
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final String LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬỀẾỂỄỆỒỐỔỖỘỜỚỞỠỢỪỨỬỮỰỲÝỶỸỴ"
            + "àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ-.0123456789ñçøßİ";
    private static final int[] MARKS = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0306, 0x0302, 0x031B, 0x0903,
        0x20DD, 0x1D165, 0x1D16D, 0xE0100};

    @Test
    void aNameComposedOrDecomposedIsFoldedToLowerCaseWithoutItsMarks() {
        assertThat(Official.fold("NGUYỄN VĂN ƯỚC")).isEqualTo("nguyen van uoc");
        assertThat(Official.fold(Normalizer.normalize("Trần Thị Huệ", Normalizer.Form.NFD))).isEqualTo("tran thi hue");
    }

    @Test
    void everyMarkGoesAndNothingElse() {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                if (random.nextInt(4) == 0) {
                    text.appendCodePoint(MARKS[random.nextInt(MARKS.length)]);
                } else {
                    text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
                }
            }
            String decomposed = Normalizer.normalize(text.toString().replace('đ', 'd').replace('Đ', 'D'),
                    Normalizer.Form.NFD);
            String expected = MARK.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
            assertThat(Official.fold(text.toString())).as("%s", text).isEqualTo(expected);
        }
    }
}
