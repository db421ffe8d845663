package org.civicit.lms.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civicit.lms.assessment.BankQuestion.Option;
import org.civicit.lms.assessment.gift.GiftParser;
import org.civicit.lms.platform.Database;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database that kept questions as GIFT text keeps the same questions as their structure once migrated. */
class QuestionStructureMigrationTest {

    private static final String[] OLD = {
        "::Q1:: Đơn vị nhỏ nhất? {=Bit #đúng ~Byte #sai}",
        "1 KB bằng bao nhiêu byte? {#=1024 =%50%1000 #gần đúng}",
        "::Ghép:: Ghép phím tắt {=Ctrl+C -> Sao chép =Ctrl+V -> Dán = -> Cắt}",
        "::Tự luận:: Trình bày cách tạo thư mục. {####Nêu đủ ba bước}",
        "::Đ-S:: Word là phần mềm soạn thảo. {TRUE#Sai rồi#Đúng}",
    };

    @Test
    void everyRevisionReadsAsItDidBefore() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                .target("33").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < OLD.length; i++) {
                BankQuestion question = GiftParser.parse(OLD[i]).get(0);
                s.execute("INSERT INTO question (id, category, title, revision, is_current, type, points, source,"
                        + " created_at, version) VALUES (" + (i + 1) + ", 'IU01', '" + GiftParser.identity(question)
                        + "', 1, TRUE, '" + question.type() + "', 2, '" + OLD[i] + "', CURRENT_TIMESTAMP, 0)");
            }
        }
        Database.migrate(dataSource, getClass().getClassLoader());
        List<BankQuestion> migrated = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT body, category, type, points FROM question ORDER BY id")) {
            while (rows.next()) {
                migrated.add(QuestionBody.read(rows.getString(1), rows.getString(2),
                        QuestionType.valueOf(rows.getString(3)), rows.getDouble(4)));
            }
        }
        assertThat(migrated).hasSize(OLD.length);
        for (int i = 0; i < OLD.length; i++) {
            BankQuestion before = GiftParser.parse("$CATEGORY: IU01\n$POINTS: 2\n" + OLD[i]).get(0);
            assertThat(migrated.get(i)).usingRecursiveComparison().ignoringFields("line").isEqualTo(before);
        }
        assertThat(migrated.get(0).options()).extracting(Option::text, Option::fraction, Option::feedback)
                .containsExactly(tuple("Bit", 1.0, "đúng"), tuple("Byte", 0.0, "sai"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet columns = s.executeQuery("SELECT COUNT(*) FROM information_schema.columns"
                     + " WHERE table_name = 'question' AND column_name = 'source'")) {
            columns.next();
            assertThat(columns.getInt(1)).as("the GIFT text is gone once read").isZero();
        }
    }
}
