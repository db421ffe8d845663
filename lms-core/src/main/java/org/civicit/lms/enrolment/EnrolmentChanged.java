package org.civicit.lms.enrolment;

/**
 * Told, inside the transaction, each time an official's place in a class changes (a seat,
 * a place in line, a promotion, a request or its answer), so that notices can follow.
 */
public record EnrolmentChanged(Enrolment enrolment) {
}
