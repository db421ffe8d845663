package org.civicit.lms.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The optional terms of a class: the days trainees may ask to join ({@code enrolFrom} to
 * {@code enrolUntil}, either end open; a class with neither takes no requests, only HR's
 * enrolments), whether HR approves each request, who teaches it.
 */
public record OfferingTerms(LocalDate enrolFrom, LocalDate enrolUntil, boolean needsApproval,
                            List<String> instructors) {

    public static final OfferingTerms NONE = new OfferingTerms(null, null, false, List.of());

    public OfferingTerms {
        // Kept as given (a null too), for the rules to refuse what is not an instructor.
        instructors = instructors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(instructors));
    }

    /** Whether trainees may ask to join at all: only when HR set an enrolment window. */
    public boolean takesRequests() {
        return enrolFrom != null || enrolUntil != null;
    }

    /** Whether a trainee may ask to join on {@code day}. */
    public boolean takesRequestsOn(LocalDate day) {
        return takesRequests() && (enrolFrom == null || !day.isBefore(enrolFrom))
                && (enrolUntil == null || !day.isAfter(enrolUntil));
    }
}
