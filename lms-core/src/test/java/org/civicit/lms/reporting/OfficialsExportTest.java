package org.civicit.lms.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** COPY takes no parameters: what the export writes into its statement instead. */
class OfficialsExportTest {

    @Test
    void eachValueBecomesALiteralInTurn() {
        assertThat(OfficialsExport.withLiterals("p = ? AND d <= ? AND path LIKE ?",
                List.of(7L, LocalDate.of(2026, 11, 30), "/1/2/%")))
                .isEqualTo("p = 7 AND d <= DATE '2026-11-30' AND path LIKE '/1/2/%'");
    }

    @Test
    void aQuoteInTextIsDoubledSoThatTheTextStaysOneLiteral() {
        assertThat(OfficialsExport.withLiterals("code = ?", List.of("x' OR '1'='1")))
                .isEqualTo("code = 'x'' OR ''1''=''1'");
    }
}
