package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileErrorsTest {

    @Test
    void aLongValueIsCutToAHundredCharactersAndAnEllipsis() {
        String echoed = FileErrors.echo("x".repeat(1_000_000));
        assertThat(echoed).hasSize(101).startsWith("x".repeat(100)).endsWith("…");
    }

    @Test
    void shortValuesAndNullComeBackAsTheyAre() {
        assertThat(FileErrors.echo("a".repeat(100))).isEqualTo("a".repeat(100));
        assertThat(FileErrors.echo("Sơn")).isEqualTo("Sơn");
        assertThat(FileErrors.echo(null)).isNull();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNotCutInHalf() {
        String echoed = FileErrors.echo("a".repeat(99) + "😀".repeat(10));
        assertThat(echoed).isEqualTo("a".repeat(99) + "…");
    }
}
