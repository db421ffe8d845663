package org.civicit.lms.certification;

import java.time.LocalDate;

/**
 * When a certificate counts: issued on or before the day, not revoked, and not expired by
 * then. A certificate is valid through its expiry date and no longer the day after.
 */
public final class Validity {

    private Validity() {
    }

    public static boolean validOn(LocalDate day, LocalDate issuedOn, LocalDate expiresOn, boolean revoked) {
        return !revoked && !issuedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
    }

    /** The SQL form of {@link #validOn}, for a certificate aliased {@code c} and the day bound twice. */
    public static final String VALID_ON_SQL =
            "c.revoked_at IS NULL AND c.issued_on <= ? AND (c.expires_on IS NULL OR c.expires_on >= ?)";
}
