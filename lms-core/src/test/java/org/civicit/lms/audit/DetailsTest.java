package org.civicit.lms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetailsTest {

    @Test
    void numbersBooleansAndNullStayBareAndTextIsQuoted() {
        assertThat(Details.of("created", 3, "oldPoints", null, "newPoints", 7.5, "passwordChanged", true,
                "agency", "UBND-H1"))
                .isEqualTo("{\"created\":3,\"oldPoints\":null,\"newPoints\":7.5,\"passwordChanged\":true,"
                        + "\"agency\":\"UBND-H1\"}");
    }

    @Test
    void textThatWouldBreakTheJsonIsEscapedAndVietnameseKept() {
        assertThat(Details.of("reason", "Sai \"khóa\"\\\n\u0001"))
                .isEqualTo("{\"reason\":\"Sai \\\"khóa\\\"\\\\\\n\\u0001\"}");
    }

    @Test
    void longTextIsCutSoAnEntryStaysSmall() {
        assertThat(Details.of("reason", "x".repeat(5000))).hasSize(Details.VALUE_LENGTH + "{\"reason\":\"\"}".length());
    }

    @Test
    void namesAndValuesComeInPairs() {
        assertThatThrownBy(() -> Details.of("created")).isInstanceOf(IllegalArgumentException.class);
    }
}
