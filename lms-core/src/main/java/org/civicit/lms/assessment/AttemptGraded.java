package org.civicit.lms.assessment;

/**
 * Told each time an attempt gets its final result (first grading or a regrade), so that
 * other features (course progress) can follow once the grading has committed. Carries ids
 * only: observers run after the transaction, in their own.
 */
public record AttemptGraded(long attemptId, long officialId, long assessmentId) {
}
