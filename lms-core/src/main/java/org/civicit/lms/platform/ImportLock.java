package org.civicit.lms.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

/**
 * Imports that check a file against the database before writing run one at a time, on
 * every node: two at once could each pass their checks and together break a rule (a cycle
 * in the tree, one certificate created twice). The lock is a row lock held to the end of
 * the import's transaction.
 */
public final class ImportLock {

    /** The agencies and officials. */
    public static final String ROSTER = "roster";
    /** The certificates. */
    public static final String CERTIFICATES = "certificates";
    /** The question banks. */
    public static final String QUESTION_BANKS = "question-banks";

    private ImportLock() {
    }

    /** The same lock, taken on the connection of a JPA transaction. */
    public static void take(EntityManager em, String name) {
        if (em.createNativeQuery("SELECT name FROM import_lock WHERE name = ? FOR UPDATE")
                .setParameter(1, name).getResultList().isEmpty()) {
            throw new IllegalStateException("No import lock named " + name);
        }
    }

    public static void take(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM import_lock WHERE name = ? FOR UPDATE")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No import lock named " + name);
                }
            }
        }
    }
}
