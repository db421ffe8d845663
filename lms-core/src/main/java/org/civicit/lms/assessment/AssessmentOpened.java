package org.civicit.lms.assessment;

/** Told, inside the transaction, once an assessment of a class opens, so that its trainees can be told. */
public record AssessmentOpened(Assessment assessment) {
}
