package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionBody;
import org.civicit.lms.assessment.gift.GiftParser;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Questions were kept as their GIFT text and read again on every use; they are kept as
 * their structure from now on ({@link QuestionBody}), with the pictures a question shows
 * kept once each in {@code question_media}. Every revision is read once here, as the
 * application read it, and the GIFT text is then dropped.
 */
public class V38__Question_structure extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE question ADD COLUMN body VARCHAR(" + QuestionBody.LENGTH + ")");
            ddl.execute("CREATE TABLE question_media (sha256 VARCHAR(64) PRIMARY KEY, "
                    + "content_type VARCHAR(100) NOT NULL, content BYTEA NOT NULL)");
        }
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, source, category, points FROM question");
             PreparedStatement update = connection.prepareStatement("UPDATE question SET body = ? WHERE id = ?")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                List<BankQuestion> read;
                try {
                    read = GiftParser.parse(rows.getString(2));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Question " + id + " (" + rows.getString(3)
                            + ") no longer reads as GIFT: " + e.getMessage(), e);
                }
                update.setString(1, QuestionBody.write(read.get(0)));
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE question ALTER COLUMN body SET NOT NULL");
            ddl.execute("ALTER TABLE question DROP COLUMN source");
        }
    }
}
