package org.civicit.lms.assessment;

/** Where an attempt stands. */
public enum AttemptStatus {
    /** Taking answers until its deadline. */
    OPEN,
    /** Submitted; an essay or practical answer waits for an instructor. */
    AWAITING_GRADING,
    /** Every answer scored; the result is final until a regrade. */
    GRADED
}
