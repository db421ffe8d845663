package org.civicit.lms.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import org.civicit.lms.catalog.Programme;
import org.civicit.lms.roster.Position;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    /** A programme as the migrations store it. */
    private static Programme programme(String code, String positions) throws ReflectiveOperationException {
        Constructor<Programme> constructor = Programme.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        Programme programme = constructor.newInstance();
        for (String[] value : new String[][] {{"code", code}, {"admittedPositions", positions}}) {
            Field field = Programme.class.getDeclaredField(value[0]);
            field.setAccessible(true);
            field.set(programme, value[1]);
        }
        return programme;
    }

    @Test
    void anActiveOfficialInAnAdmittedPositionMayJoin() throws ReflectiveOperationException {
        assertThat(Eligibility.refusal("A1", true, Position.STAFF, programme("BASIC-IT", null), List.of(), Set.of()))
                .isNull();
    }

    @Test
    void anOfficialWhoLeftMayNotJoinWhateverElseHolds() throws ReflectiveOperationException {
        assertThat(Eligibility.refusal("A1", false, Position.LEADER, programme("CIO", "LEADER"), List.of(), Set.of())
                .messageKey()).isEqualTo("enrolment.ineligible.inactive");
    }

    @Test
    void theCioProgrammeTakesLeadersOnly() throws ReflectiveOperationException {
        Programme cio = programme("CIO", "LEADER");
        Enrolments.Refusal staff = Eligibility.refusal("A1", true, Position.STAFF, cio, List.of(), Set.of());
        assertThat(staff.messageKey()).isEqualTo("enrolment.ineligible.position");
        assertThat(staff.arguments()).containsExactly(Position.STAFF, "CIO", "LEADER");
        assertThat(Eligibility.refusal("A2", true, Position.IT_SPECIALIST, cio, List.of(), Set.of())).isNotNull();
        assertThat(Eligibility.refusal("A3", true, Position.LEADER, cio, List.of(), Set.of())).isNull();
    }

    @Test
    void everyPrerequisiteMustBeCompletedAndTheMissingOnesAreNamed() throws ReflectiveOperationException {
        Programme specialist = programme("IT-SPECIALIST", "IT_SPECIALIST");
        Enrolments.Refusal missing = Eligibility.refusal("A1", true, Position.IT_SPECIALIST, specialist,
                List.of("ITS-01", "ITS-03"), Set.of("ITS-03", "IU01"));
        assertThat(missing.messageKey()).isEqualTo("enrolment.ineligible.prerequisites");
        assertThat(missing.arguments()).containsExactly("ITS-01");
        assertThat(Eligibility.refusal("A1", true, Position.IT_SPECIALIST, specialist, List.of("ITS-01", "ITS-03"),
                Set.of("ITS-01", "ITS-03"))).isNull();
    }
}
