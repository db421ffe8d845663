package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.civicit.lms.timetable.CheckInCodes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each session's secret for the codes trainees scan to check in. Sessions already there get
 * one from the same strong random source as new ones (SQL has no such source common to H2
 * and PostgreSQL).
 */
public class V34__Check_in_secrets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE class_session ADD COLUMN check_in_secret VARCHAR(64)");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM class_session")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE class_session SET check_in_secret = ? WHERE id = ?")) {
            for (long id : ids) {
                update.setString(1, CheckInCodes.newSecret());
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE class_session ALTER COLUMN check_in_secret SET NOT NULL");
        }
    }
}
