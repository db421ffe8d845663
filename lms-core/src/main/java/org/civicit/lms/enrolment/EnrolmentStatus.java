package org.civicit.lms.enrolment;

/** Where an official stands with a class. */
public enum EnrolmentStatus {
    /** Has a seat. */
    ENROLLED,
    /** In line for a seat, in the order of asking. */
    WAITLISTED,
    /** Left, or was taken off. */
    WITHDRAWN
}
