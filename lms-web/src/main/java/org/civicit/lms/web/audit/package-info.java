/**
 * The audit log as the web sees it: who and where each request comes from
 * ({@link org.civicit.lms.web.audit.RequestOrigin}, read by the core's
 * {@link org.civicit.lms.audit.AuditLog}), and the log read back by the admin, as
 * {@code GET /api/audit} (JSON or CSV) and the page {@code admin/audit.xhtml}.
 *
 * <p>Must never: write to the log other than through {@code AuditLog}, or show it to anyone
 * but the admin.
 */
package org.civicit.lms.web.audit;
