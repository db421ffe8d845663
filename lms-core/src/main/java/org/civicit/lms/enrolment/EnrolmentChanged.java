package org.civicit.lms.enrolment;

/**
 * Told, inside the transaction, each time an official's place in a class changes (a seat,
 * a place in line, a promotion, a request or its answer, a failure for attendance or its
 * taking back), so that notices can follow;
 * {@code before} is the status it had, {@code null} for a new place.
 */
public record EnrolmentChanged(Enrolment enrolment, EnrolmentStatus before) {
}
