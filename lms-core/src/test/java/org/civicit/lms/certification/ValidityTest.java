package org.civicit.lms.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.civicit.lms.catalog.Programme;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @Test
    void aCertificateIssuedThatDayCounts() {
        assertThat(Validity.validOn(DAY, DAY, null, false)).isTrue();
    }

    @Test
    void aCertificateIssuedTheDayAfterDoesNot() {
        assertThat(Validity.validOn(DAY, DAY.plusDays(1), null, false)).isFalse();
    }

    @Test
    void aCertificateIsValidThroughItsExpiryDate() {
        assertThat(Validity.validOn(DAY, DAY.minusYears(1), DAY, false)).isTrue();
        assertThat(Validity.validOn(DAY, DAY.minusYears(1), DAY.minusDays(1), false)).isFalse();
    }

    @Test
    void aRevokedCertificateNeverCounts() {
        assertThat(Validity.validOn(DAY, DAY.minusYears(1), null, true)).isFalse();
    }

    @Test
    void withoutAnExpiryItStaysValid() {
        assertThat(Validity.validOn(DAY.plusYears(30), DAY, null, false)).isTrue();
    }

    @Test
    void aProgrammesValidityEndsTheDayBeforeTheSameDateMonthsLater() {
        assertThat(Programme.expiryFor(LocalDate.of(2026, 1, 15), 36)).isEqualTo(LocalDate.of(2029, 1, 14));
        assertThat(Programme.expiryFor(LocalDate.of(2026, 1, 15), null)).isNull();
    }
}
