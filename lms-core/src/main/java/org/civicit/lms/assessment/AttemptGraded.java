package org.civicit.lms.assessment;

/**
 * Told each time an attempt's verdict is decided or changes (first grading, a grade
 * corrected, a regrade), so that other features (course progress) can follow once the
 * grading has committed; {@code passWithdrawn} when a pass became a fail. Carries ids
 * only: observers run after the transaction, in their own. An attempt whose verdict stays
 * the same is not told again, so what an observer missed is not retried by a regrade.
 */
public record AttemptGraded(long attemptId, long officialId, long assessmentId, boolean passWithdrawn) {
}
