package org.civicit.lms.enrolment;

/**
 * Told, inside the transaction, when an official completes a course or, after a regrade,
 * no longer has it complete ({@code withdrawn}), so that certification can issue or revoke
 * the programme's certificate. Carries ids only.
 */
public record CourseCompleted(long officialId, long courseId, boolean withdrawn) {
}
