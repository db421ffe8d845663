package org.civicit.lms.assessment;

/**
 * Told each time an attempt's verdict is decided or changes (first grading, a grade
 * corrected, a regrade), so that other features follow: certification issues or revokes the
 * certificate of a {@code certifying} assessment within the grading's transaction, course
 * progress follows once it committed. {@code passWithdrawn} when a pass became a fail.
 * Carries ids only, so that observers after the transaction read their own. An attempt whose
 * verdict stays the same is not told again, so what an observer missed is not retried by a regrade.
 */
public record AttemptGraded(long attemptId, long officialId, long assessmentId, boolean certifying, boolean passed,
                            boolean passWithdrawn) {
}
