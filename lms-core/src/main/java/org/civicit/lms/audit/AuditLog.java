package org.civicit.lms.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.Database;

/**
 * Writes the audit log. Each entry joins the transaction of the change it records, so a
 * change that rolls back leaves no entry; called outside one (a login), it makes its own.
 * The insert here is the only statement of the application that writes {@code audit_event}.
 */
@ApplicationScoped
public class AuditLog {

    static final int ACTOR_LENGTH = 40;
    static final int ADDRESS_LENGTH = 64;
    static final int SUBJECT_LENGTH = 200;
    static final int DETAILS_LENGTH = 2000;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Instance<Origin> origins;

    /** Who acts and from where, read once per entry. */
    private record Who(String actor, String address, String fileName) {
    }

    /** Records what the caller of this request did (the system, without a request). */
    @Transactional
    public void record(AuditAction action, String subject, String details) {
        Who who = who();
        insert(who.actor(), who.address(), action, subject, details);
    }

    /**
     * Records an applied file: the file's name when the request carried one, and what it changed.
     *
     * @return the result, to be returned on
     */
    @Transactional
    public ImportResult imported(AuditAction action, ImportResult result) {
        Who who = who();
        insert(who.actor(), who.address(), action, who.fileName(), Details.of("created", result.created(),
                "updated", result.updated(), "unchanged", result.unchanged()));
        return result;
    }

    /**
     * Records a login or a refused one: the actor is the username given. Only the address is
     * asked of the request, since no one is logged in while a login is checked, and asking who
     * is would fix the answer for the rest of the request.
     */
    @Transactional
    public void login(String username, boolean succeeded) {
        String given = username == null || username.isBlank() ? "-" : username;
        String address = origin().map(Origin::address).orElse(null);
        insert(given, address, succeeded ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED, "account:" + given, null);
    }

    private Who who() {
        return origin().map(origin -> {
            String username = origin.username();
            return new Who(username == null ? Origin.SYSTEM : username, origin.address(), origin.fileName());
        }).orElse(new Who(Origin.SYSTEM, null, null));
    }

    /** The request's origin; none outside a container (the rules' own tests) or with no request behind the work. */
    private Optional<Origin> origin() {
        if (origins == null || !origins.isResolvable()) {
            return Optional.empty();
        }
        Origin origin = origins.get();
        try {
            origin.address();
            return Optional.of(origin);
        } catch (ContextNotActiveException noRequest) {
            // Start-up and timers act with no request behind them: the system's work.
            return Optional.empty();
        }
    }

    private void insert(String actor, String address, AuditAction action, String subject, String details) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_event (id, occurred_at, actor, address, action, subject, details)"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, nextId(connection));
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(3, cut(actor, ACTOR_LENGTH));
            insert.setString(4, cut(address, ADDRESS_LENGTH));
            insert.setString(5, action.name());
            insert.setString(6, cut(subject, SUBJECT_LENGTH));
            insert.setString(7, cut(details, DETAILS_LENGTH));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }

    private static long nextId(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('audit_event_seq')");
             ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
