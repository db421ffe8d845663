package org.civicit.lms.audit;

import java.time.LocalDate;

import org.civicit.lms.platform.BusinessException;

/**
 * Which entries to read; every part is optional.
 *
 * @param from    the first day, on the province's calendar
 * @param to      the last day, included
 * @param actor   exactly this username (or {@code system})
 * @param subject text the subject contains, in any case
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, AuditAction action, String subject) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public AuditQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BusinessException.Invalid("audit.range", from, to);
        }
    }
}
