package org.civicit.lms.assessment;

/** What a trainee sees of a submitted attempt once the assessment's window has closed. */
public enum Review {
    /** The result only, as during the window. */
    NONE,
    /** Also the points of each answer. */
    SCORES,
    /** Also whether each answer was right, and the bank's feedback. */
    FULL
}
