package org.civicit.lms.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops and recreates the PostgreSQL databases the integration tests run against, so that
 * every run starts empty. Run by the build before the integration tests with the user,
 * the password, then the database URLs.
 */
public final class ResetTestDatabase {

    private ResetTestDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        for (int i = 2; i < args.length; i++) {
            recreate(args[i], args[0], args[1]);
        }
    }

    private static void recreate(String url, String user, String password) throws SQLException {
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceAll("\\?.*", "");
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Unexpected test database name: " + database);
        }
        String maintenance = url.substring(0, slash + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(maintenance, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }
}
