package org.civicit.lms.enrolment;

/** Whether a class takes enrolments. */
public enum OfferingStatus {
    /** Takes enrolments and requests. */
    OPEN,
    /** Runs with the list it has; no one joins any more. */
    CLOSED,
    /** Will not run. */
    CANCELLED
}
