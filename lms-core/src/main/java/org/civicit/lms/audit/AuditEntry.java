package org.civicit.lms.audit;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One line of the audit log.
 *
 * @param actor   the username that acted, or {@link Origin#SYSTEM}
 * @param address the client's address, {@code null} for the system's work
 * @param subject what was acted on, such as {@code certificate:BASIC-IT-2026-000001}
 * @param details a small JSON object, or {@code null}
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String address, AuditAction action,
        String subject, String details) implements Serializable {
}
