package org.civicit.lms.enrolment;

import java.util.List;
import java.util.Set;

import org.civicit.lms.catalog.Programme;
import org.civicit.lms.roster.Position;

/**
 * Who may join a class of a course: an official in service, in a position the programme
 * admits, who has completed the courses the course asks for first.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Why this official may not join, or {@code null} when they may. */
    public static Enrolments.Refusal refusal(String employeeCode, boolean active, Position position,
            Programme programme, List<String> prerequisites, Set<String> completedCourses) {
        if (!active) {
            return new Enrolments.Refusal(employeeCode, "enrolment.ineligible.inactive", List.of());
        }
        if (!programme.admits(position)) {
            return new Enrolments.Refusal(employeeCode, "enrolment.ineligible.position",
                    List.of(position, programme.getCode(), programme.getAdmittedPositions()));
        }
        List<String> missing = prerequisites.stream().filter(code -> !completedCourses.contains(code)).toList();
        if (!missing.isEmpty()) {
            return new Enrolments.Refusal(employeeCode, "enrolment.ineligible.prerequisites",
                    List.of(String.join(", ", missing)));
        }
        return null;
    }
}
