package org.civicit.lms.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Roster imports run one at a time, on every node: each checks the tree as the database
 * has it, and two at once could together break what each checked. The lock is a row lock
 * held to the end of the import's transaction.
 */
final class RosterLock {

    private RosterLock() {
    }

    static void take(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM import_lock WHERE name = 'roster' FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            rs.next();
        }
    }
}
