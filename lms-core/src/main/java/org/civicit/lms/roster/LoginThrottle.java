package org.civicit.lms.roster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins to one account from
 * one address within {@link #WINDOW}, that address may not log in to that account for
 * {@link #LOCK}, even with the right password. Counting per address as well as per account
 * keeps an attacker from locking an official out of an exam from elsewhere. Every username
 * is counted, whether an account has it or not, so that the answers never tell which exist.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final int ADDRESS_LENGTH = 64;
    private static final int USERNAME_LENGTH = 40;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** Until when this address may not log in to this account, if it may not now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OffsetDateTime> lockedUntil(String username, String address) {
        List<?> until = em.createNativeQuery("SELECT locked_until FROM login_failure"
                        + " WHERE username = ? AND address = ? AND locked_until > ?")
                .setParameter(1, name(username)).setParameter(2, clip(address)).setParameter(3, OffsetDateTime.now())
                .getResultList();
        return until.stream().findFirst().map(LoginThrottle::moment);
    }

    /** Counts a failed login to a username; the tenth in the window locks it for this address. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now();
        List<?> rows = em.createNativeQuery("SELECT failures, first_failed_at FROM login_failure"
                        + " WHERE username = ? AND address = ? FOR UPDATE")
                .setParameter(1, name(username)).setParameter(2, clip(address)).getResultList();
        if (rows.isEmpty()) {
            em.createNativeQuery("INSERT INTO login_failure (username, address, failures, first_failed_at)"
                            + " VALUES (?, ?, 1, ?)")
                    .setParameter(1, name(username)).setParameter(2, clip(address)).setParameter(3, now).executeUpdate();
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        boolean windowOver = moment(row[1]).isBefore(now.minus(WINDOW));
        int failures = windowOver ? 1 : ((Number) row[0]).intValue() + 1;
        boolean lock = failures >= MAX_FAILURES;
        if (lock) {
            em.createNativeQuery("UPDATE login_failure SET failures = 0, first_failed_at = ?, locked_until = ?"
                            + " WHERE username = ? AND address = ?")
                    .setParameter(1, now).setParameter(2, now.plus(LOCK))
                    .setParameter(3, name(username)).setParameter(4, clip(address))
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE login_failure SET failures = ?, first_failed_at = ? WHERE username = ? AND address = ?")
                    .setParameter(1, failures).setParameter(2, windowOver ? now : moment(row[1]))
                    .setParameter(3, name(username)).setParameter(4, clip(address))
                    .executeUpdate();
        }
    }

    /** A successful login forgets the failures before it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        em.createNativeQuery("DELETE FROM login_failure WHERE username = ? AND address = ?")
                .setParameter(1, name(username)).setParameter(2, clip(address)).executeUpdate();
    }

    // No account has a longer name, so a longer one is counted under its first characters.
    private static String name(String username) {
        String known = username == null ? "" : username;
        return known.length() > USERNAME_LENGTH ? known.substring(0, USERNAME_LENGTH) : known;
    }

    private static String clip(String address) {
        String known = address == null ? "-" : address;
        return known.length() > ADDRESS_LENGTH ? known.substring(0, ADDRESS_LENGTH) : known;
    }

    private static OffsetDateTime moment(Object value) {
        if (value instanceof OffsetDateTime moment) {
            return moment;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
