package org.civicit.lms.enrolment;

/** Where an official stands with a class. */
public enum EnrolmentStatus {
    /** Asked for a seat in a class that needs HR's approval; waits for it. */
    REQUESTED,
    /** Has a seat. */
    ENROLLED,
    /** In line for a seat, in the order of asking. */
    WAITLISTED,
    /** Left, or was taken off, or the request was refused. */
    WITHDRAWN,
    /** Completed the course: every lesson done, every assessment of it passed, enough sessions attended. */
    COMPLETED,
    /** Failed an assessment of the course with no attempt left, or can no longer attend enough sessions. */
    FAILED;

    /** Whether the status keeps a seat of the class taken. */
    public boolean holdsSeat() {
        return this == ENROLLED || this == COMPLETED || this == FAILED;
    }
}
