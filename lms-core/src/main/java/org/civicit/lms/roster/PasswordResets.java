package org.civicit.lms.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.platform.BusinessException;

/**
 * A forgotten password: a link sent to the address on file lets its holder choose a new
 * one, once, within 30 minutes. Only a hash of the link's token is kept, so the table
 * opens no account. A few requests an hour per account at most, so that nobody can fill a
 * mailbox.
 */
@ApplicationScoped
public class PasswordResets {

    public static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final int MAX_PER_HOUR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Accounts accounts;

    Clock clock = Clock.systemUTC();

    /** A link to send: to whom and with which token. */
    public record Link(String email, String username, String language, String token) {
    }

    /**
     * A link for the account, when it exists, may log in, has an address and has not asked
     * too often; otherwise nothing, which the caller must not tell apart.
     */
    @Transactional
    public Optional<Link> request(String username) {
        if (username == null || username.isBlank() || username.length() > 40) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(username.strip()).filter(Account::mayLogIn)
                .filter(a -> a.getEmail() != null && !a.getEmail().isBlank());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long recent = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM password_reset r JOIN account a"
                        + " ON a.id = r.account_id WHERE a.username = ? AND r.requested_at > ?")
                .setParameter(1, account.get().getUsername())
                .setParameter(2, now.minusHours(1))
                .getSingleResult()).longValue();
        if (recent >= MAX_PER_HOUR) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO password_reset (token_hash, account_id, requested_at, expires_at)"
                        + " SELECT ?, id, ?, ? FROM account WHERE username = ?")
                .setParameter(1, hash(token))
                .setParameter(2, now)
                .setParameter(3, now.plus(VALID_FOR))
                .setParameter(4, account.get().getUsername())
                .executeUpdate();
        return Optional.of(new Link(account.get().getEmail(), account.get().getUsername(),
                account.get().getLanguage(), token));
    }

    /**
     * Sets the new password if the token is one not used and not expired. The link is
     * marked used first, in one statement, so two uses at once cannot both pass; a weak
     * password rolls that back and the link still works.
     */
    @Transactional
    public String reset(String token, String newPassword) {
        String tokenHash = hash(token == null ? "" : token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int taken = em.createNativeQuery("UPDATE password_reset SET used_at = ?"
                        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .setParameter(1, now).setParameter(2, tokenHash).setParameter(3, now)
                .executeUpdate();
        if (taken != 1) {
            throw new BusinessException.Invalid("roster.reset.invalid");
        }
        String username = (String) em.createNativeQuery("SELECT a.username FROM password_reset r"
                        + " JOIN account a ON a.id = r.account_id WHERE r.token_hash = ?")
                .setParameter(1, tokenHash).getSingleResult();
        Account account = accounts.find(username).filter(Account::mayLogIn)
                .orElseThrow(() -> new BusinessException.Invalid("roster.reset.invalid"));
        accounts.resetPassword(account, newPassword);
        return username;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
