package org.civicit.lms.audit;

/**
 * What an entry records. Stored by name: a name, once written, is never renamed or removed,
 * so every old entry still reads.
 */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    PASSWORD_SET,
    AGENCIES_IMPORTED,
    OFFICIALS_IMPORTED,
    CERTIFICATES_IMPORTED,
    ENROLMENTS_IMPORTED,
    QUESTIONS_IMPORTED,
    TARGETS_IMPORTED,
    ENROLLED,
    ENROLMENT_REQUESTED,
    ENROLMENTS_BULK,
    ENROLMENT_APPROVED,
    ENROLMENT_REFUSED,
    WITHDRAWN,
    GRADED,
    KEY_CORRECTED,
    REGRADED,
    CERTIFICATE_ISSUED,
    CERTIFICATE_REVOKED,
    VENUE_CREATED,
    VENUES_IMPORTED,
    SESSION_ADDED,
    SESSION_CANCELLED,
    ATTENDANCE_MARKED
}
