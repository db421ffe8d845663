package org.civicit.lms.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.civicit.lms.platform.Database;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database that had certificates before the spans existed gets their spans when it is migrated. */
class SpansMigrationTest {

    @Test
    void theSpansOfCertificatesAlreadyThereAreFilledByTheMigration() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                .target("14").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO agency (id, code, name, level, sector, path) VALUES (1, 'T', 'Tỉnh', 'PROVINCE', 'STATE', '/1/')");
            s.execute("INSERT INTO official (id, employee_code, full_name, search_key, agency_id, position, active)"
                    + " VALUES (1, 'A', 'An', 'an', 1, 'STAFF', TRUE)");
            s.execute("INSERT INTO certificate (id, number, official_id, programme_id, issued_on, expires_on, source,"
                    + " version) VALUES (1, 'X1', 1, 2, DATE '2020-01-01', DATE '2024-12-31', 'IMPORT', 0),"
                    + " (2, 'X2', 1, 2, DATE '2024-06-01', DATE '2029-05-31', 'IMPORT', 0)");
        }
        Database.migrate(dataSource, getClass().getClassLoader());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT official_id, programme_id, valid_from, valid_until FROM certification_span")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("2020-01-01");
            assertThat(rs.getString(4)).isEqualTo("2029-05-31");
            assertThat(rs.next()).isFalse();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT number, valid_from, valid_until FROM held_certificate ORDER BY valid_from")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                    .as("the later certificate is the one held from its issue").isEqualTo("X1 2020-01-01 2024-05-31");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                    .isEqualTo("X2 2024-06-01 2029-05-31");
            assertThat(rs.next()).isFalse();
        }
    }
}
