package org.civicit.lms.platform;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which scheduled notices went out: each node that wants to send a notice first claims it here,
 * in a transaction of its own, and sends only when its claim won. The primary key of
 * {@code notice_claim} (kind, subject, recipient) lets one insert win however many nodes try
 * at once, so a notice is sent once across the cluster.
 *
 * <p>A send that fails gives the claim back with the failure counted, so the next run (on any
 * node) tries again, up to {@link #MAX_FAILURES}. A node that dies between claiming and
 * recording leaves a claim that others take over after {@link #LEASE}: the notice may then go
 * out twice, which is better than never. Claims are kept, as the record of what was sent.
 */
@ApplicationScoped
public class NoticeClaims {

    /** After this many failed sends a notice is given up (a wrong address stays wrong). */
    public static final int MAX_FAILURES = 5;
    /** Longer than any send takes (three SMTP timeouts of ten seconds). */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int ERROR_LENGTH = 255;
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    /** One notice to one recipient: {@code SESSION_REMINDER, session:42, official:7}. */
    public record Key(String kind, String subject, String recipient) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Claims the notice for this node: true when it is this node's to send now. False when
     * another node holds it, it was sent, or it was given up.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(Key key, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        // Both databases (H2 in its PostgreSQL mode) skip a row whose key exists without an error,
        // which would otherwise spoil the transaction on PostgreSQL.
        if (update("INSERT INTO notice_claim (kind, subject_key, recipient, claimed_at, claimed_by, failures)"
                + " VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING", key, s -> {
                    s.setObject(4, at);
                    s.setString(5, NODE);
                }) == 1) {
            return true;
        }
        // A claim given back after a failure, or left by a node that died, is taken over; the row
        // lock makes one taker win, as the loser finds the row claimed when it gets the lock.
        return update("UPDATE notice_claim SET claimed_at = ?, claimed_by = ? WHERE kind = ? AND subject_key = ?"
                + " AND recipient = ? AND done_at IS NULL AND failures < ? AND (claimed_at IS NULL OR claimed_at < ?)",
                key, s -> {
                    s.setObject(1, at);
                    s.setString(2, NODE);
                    s.setInt(6, MAX_FAILURES);
                    s.setObject(7, at.minus(LEASE));
                }, 3) == 1;
    }

    /** The notice went out (or had nothing to say): no node sends it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(Key key, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        update("UPDATE notice_claim SET done_at = ? WHERE kind = ? AND subject_key = ? AND recipient = ?", key,
                s -> s.setObject(1, at), 2);
    }

    /** Sending failed: the claim is given back with the failure counted, for a later run to try again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Key key, String reason) {
        String error = reason == null ? "-" : reason.length() > ERROR_LENGTH ? reason.substring(0, ERROR_LENGTH) : reason;
        update("UPDATE notice_claim SET claimed_at = NULL, failures = failures + 1, last_error = ?"
                + " WHERE kind = ? AND subject_key = ? AND recipient = ?", key, s -> s.setString(1, error), 2);
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Key key, Parameters parameters) {
        return update(sql, key, parameters, 1);
    }

    /** Runs a statement whose key columns start at parameter {@code keyAt}. */
    private int update(String sql, Key key, Parameters parameters, int keyAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(keyAt, key.kind());
            statement.setString(keyAt + 1, key.subject());
            statement.setString(keyAt + 2, key.recipient());
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the notice " + key, e);
        }
    }
}
