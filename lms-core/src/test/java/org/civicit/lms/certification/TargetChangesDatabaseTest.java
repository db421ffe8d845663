package org.civicit.lms.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets edited one at a time, against a database built by the migrations. */
class TargetChangesDatabaseTest {

    private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);
    private static final LocalDate END_2030 = LocalDate.of(2030, 12, 31);

    private TestDatabase database;
    private TargetChanges targets;

    @BeforeEach
    void emptyDatabase() {
        database = new TestDatabase();
        targets = database.wire(new TargetChanges());
    }

    @Test
    void aTargetIsSetReplacedForTheSameDateAndRemoved() {
        targets.set("BASIC-IT", Level.COMMUNE, END_2025, new BigDecimal("80"));
        targets.set("BASIC-IT", Level.COMMUNE, END_2030, new BigDecimal("95.5"));
        targets.set("BASIC-IT", Level.PROVINCE, END_2025, new BigDecimal("100"));
        targets.set("BASIC-IT", Level.COMMUNE, END_2025, new BigDecimal("85"));

        assertThat(targets.of("BASIC-IT")).extracting(t -> t.level() + " " + t.dueOn() + " " + t.percent())
                .containsExactly("PROVINCE 2025-12-31 100.0", "COMMUNE 2025-12-31 85.0", "COMMUNE 2030-12-31 95.5");
        assertThat(database.query("SELECT action, details FROM audit_event WHERE subject = 'target:BASIC-IT/COMMUNE/2025-12-31'"
                + " ORDER BY id")).contains("TARGET_SET").contains("\"before\":\"80.0\"");

        targets.remove("BASIC-IT", Level.COMMUNE, END_2025);
        targets.remove("BASIC-IT", Level.COMMUNE, END_2025);
        assertThat(targets.of("BASIC-IT")).hasSize(2);
        assertThat(targets.of("CIO")).isEmpty();
    }

    @Test
    void aTargetIsAPercentageWithAtMostOneDecimalForAKnownProgramme() {
        for (String bad : new String[] {"-1", "100.1", "80.25"}) {
            assertThatThrownBy(() -> targets.set("BASIC-IT", Level.DISTRICT, END_2025, new BigDecimal(bad)))
                    .isInstanceOfSatisfying(BusinessException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("certification.target.percent"));
        }
        assertThatThrownBy(() -> targets.set("BASIC-IT", Level.DISTRICT, null, BigDecimal.TEN))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certification.target.dueOn"));
        assertThatThrownBy(() -> targets.set("NONE", Level.DISTRICT, END_2025, BigDecimal.TEN))
                .isInstanceOf(BusinessException.NotFound.class);
        assertThat(targets.of("BASIC-IT")).isEmpty();
    }
}
