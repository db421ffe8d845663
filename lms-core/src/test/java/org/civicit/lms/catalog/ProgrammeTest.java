package org.civicit.lms.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Position;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    /** A programme as the migrations store it. */
    private static Programme admitting(String positions) throws ReflectiveOperationException {
        Programme programme = new Programme();
        Field field = Programme.class.getDeclaredField("admittedPositions");
        field.setAccessible(true);
        field.set(programme, positions);
        return programme;
    }

    @Test
    void cioAdmitsLeadersOnly() throws ReflectiveOperationException {
        Programme cio = admitting("LEADER");
        assertThat(cio.admits(Position.LEADER)).isTrue();
        assertThat(cio.admits(Position.STAFF)).isFalse();
        assertThat(cio.admits(Position.IT_SPECIALIST)).isFalse();
    }

    @Test
    void basicItAdmitsEveryone() throws ReflectiveOperationException {
        Programme basic = admitting(null);
        for (Position position : Position.values()) {
            assertThat(basic.admits(position)).as(position.name()).isTrue();
        }
    }

    @Test
    void severalPositionsAreCommaSeparated() throws ReflectiveOperationException {
        Programme both = admitting("LEADER,IT_SPECIALIST");
        assertThat(both.admits(Position.IT_SPECIALIST)).isTrue();
        assertThat(both.admits(Position.STAFF)).isFalse();
    }

    @Test
    void termsAreCheckedBeforeTheyChange() throws ReflectiveOperationException {
        Programme programme = admitting(null);
        programme.changeTerms(null, 0, 50);
        programme.changeTerms(60, 90, 70.5);
        assertThat(programme.getValidityMonths()).isEqualTo(60);
        assertThat(programme.getRenewalWindowDays()).isEqualTo(90);
        assertThat(programme.getMinPassPercent()).isEqualTo(70.5);
        for (Runnable bad : new Runnable[] {() -> programme.changeTerms(0, 90, 50),
                () -> programme.changeTerms(601, 90, 50), () -> programme.changeTerms(60, -1, 50),
                () -> programme.changeTerms(60, 90, 100.5), () -> programme.changeTerms(60, 90, Double.NaN)}) {
            assertThatThrownBy(bad::run).isInstanceOf(BusinessException.Invalid.class);
        }
        assertThat(programme.getValidityMonths()).isEqualTo(60);
    }
}
