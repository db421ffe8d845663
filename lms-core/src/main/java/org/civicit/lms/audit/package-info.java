/**
 * The audit log: who did what, when and from where. Logins and their failures, imports,
 * accounts and roles, enrolments, grades, key corrections and regrades, certificates issued
 * and revoked, and targets each leave one {@link org.civicit.lms.audit.AuditEntry} in the
 * table {@code audit_event}.
 *
 * <p>Audit sits at the bottom, beside {@code platform}: every feature may call
 * {@link org.civicit.lms.audit.AuditLog}, and this package imports no feature. A direct call
 * was chosen over CDI events that an observer here would write: the entry then joins the
 * transaction of the change it records with no observer phase to get right (a rolled-back
 * change leaves no entry), each feature says in one line what it did, and no event types
 * need to be shared. A failed login, which writes nothing else, gets a transaction of its own.
 *
 * <p>Who and where come from an {@link org.civicit.lms.audit.Origin} that the web layer
 * provides per request; work with no request behind it (start-up, scheduled closing of
 * attempts) is done by {@code system}, so no service signature carries the caller for audit.
 *
 * <p>Must never: update or delete an entry (the only statement that writes the table is the
 * insert in {@link org.civicit.lms.audit.AuditLog}), keep a password or an answer key in an
 * entry, or import a feature package.
 */
package org.civicit.lms.audit;
