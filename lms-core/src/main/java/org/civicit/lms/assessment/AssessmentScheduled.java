package org.civicit.lms.assessment;

/** Told, inside the transaction, when an assessment of a class is created, so that its trainees can be told. */
public record AssessmentScheduled(Assessment assessment) {
}
