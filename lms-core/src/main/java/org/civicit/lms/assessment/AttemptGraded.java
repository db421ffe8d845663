package org.civicit.lms.assessment;

/**
 * Told, inside the grading transaction, each time an attempt gets its final result
 * (first grading or a regrade), so that other features (course progress) can follow.
 */
public record AttemptGraded(Attempt attempt) {
}
