package org.civicit.lms.enrolment;

import java.time.LocalDate;
import java.util.List;

/**
 * The optional terms of a class: the days trainees may ask to join ({@code enrolFrom} to
 * {@code enrolUntil}, either end open), whether HR approves each request, who teaches it.
 */
public record OfferingTerms(LocalDate enrolFrom, LocalDate enrolUntil, boolean needsApproval,
                            List<String> instructors) {

    public static final OfferingTerms NONE = new OfferingTerms(null, null, false, List.of());

    public OfferingTerms {
        instructors = instructors == null ? List.of() : List.copyOf(instructors);
    }

    /** Whether a trainee may ask to join on {@code day}. */
    public boolean takesRequestsOn(LocalDate day) {
        return (enrolFrom == null || !day.isBefore(enrolFrom)) && (enrolUntil == null || !day.isAfter(enrolUntil));
    }
}
