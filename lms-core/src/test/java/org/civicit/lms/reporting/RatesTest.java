package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

    @ParameterizedTest
    @CsvSource({
        "960, 1000, 96.0",
        "1, 3, 33.3",
        "2, 3, 66.7",
        "1, 8, 12.5",
        // 100 x 1 / 16 = 6.25: the .x5 rounds up
        "1, 16, 6.3",
        // 100 x 3 / 16 = 18.75
        "3, 16, 18.8",
        // 100 x 1 / 1600 = 0.0625
        "1, 1600, 0.1",
        "0, 7, 0.0",
        "7, 7, 100.0",
        "0, 0, 0.0"})
    void rateIsRoundedHalfUpToOneDecimal(long certified, long officials, String expected) {
        assertThat(Rates.rate(certified, officials)).isEqualByComparingTo(expected)
                .hasToString(expected);
    }

    @Test
    void theGapIsHowFarBelowTheTarget() {
        assertThat(Rates.gap(new BigDecimal("100.0"), new BigDecimal("96.0"))).hasToString("4.0");
        assertThat(Rates.gap(new BigDecimal("80.0"), new BigDecimal("33.3"))).hasToString("46.7");
    }

    @Test
    void theGapIsNeverBelowZero() {
        assertThat(Rates.gap(new BigDecimal("80.0"), new BigDecimal("96.0"))).hasToString("0.0");
        assertThat(Rates.gap(new BigDecimal("80.0"), new BigDecimal("80.0"))).hasToString("0.0");
    }

    @Test
    void withoutATargetThereIsNoGap() {
        assertThat(Rates.gap(null, new BigDecimal("50.0"))).isNull();
    }
}
