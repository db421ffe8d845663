package org.civicit.lms.enrolment;

/** Why a place in a class became FAILED. */
public enum FailReason {
    /** An assessment of the course failed with no attempt left. */
    EXAMS,
    /** Too few sessions are left for the class's minimum share of attendance. */
    ATTENDANCE
}
