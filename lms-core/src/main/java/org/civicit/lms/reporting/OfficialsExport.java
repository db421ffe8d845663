package org.civicit.lms.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.certification.Validity;
import org.civicit.lms.csv.RowWriter;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Scope;

/**
 * The detail behind the certification report: every active official in scope with the
 * certificate that makes them certified on the day, if any (the latest issued). Rows go
 * from a database cursor straight to the writer, so memory does not grow with them.
 */
@ApplicationScoped
public class OfficialsExport {

    public static final String[] HEADER = {"employee_code", "full_name", "agency_code", "agency_name", "level",
        "sector", "certified", "certificate_no", "issued_on", "expires_on"};
    private static final int FETCH_SIZE = 2000;
    private static final String QUERY = """
            SELECT o.employee_code, o.full_name, a.code, a.name, a.level, a.sector,
                   best.number, best.issued_on, best.expires_on
            FROM official o
            JOIN agency a ON a.id = o.agency_id
            LEFT JOIN (SELECT c.official_id, c.number, c.issued_on, c.expires_on,
                              ROW_NUMBER() OVER (PARTITION BY c.official_id ORDER BY c.issued_on DESC, c.id DESC) AS n
                       FROM certificate c
                       WHERE c.programme_id = ? AND %s) best
                   ON best.official_id = o.id AND best.n = 1
            WHERE o.active AND a.path LIKE ?
            ORDER BY o.employee_code
            """.formatted(Validity.VALID_ON_SQL);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Checks the programme before anything is written, so that a mistake is a clean error. */
    public long programmeId(String programmeCode) {
        try (Connection connection = dataSource.getConnection()) {
            return CertificationReport.programmeId(connection, programmeCode);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up programme " + programmeCode, e);
        }
    }

    /** Writes the rows; the caller owns and closes the writer. */
    public void write(Scope scope, long programmeId, LocalDate asOf, RowWriter out) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(QUERY)) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, programmeId);
                select.setDate(2, Date.valueOf(asOf));
                select.setDate(3, Date.valueOf(asOf));
                select.setString(4, scope.pathPattern());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String number = rs.getString(7);
                        out.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), number != null, number, date(rs.getDate(8)), date(rs.getDate(9)));
                    }
                }
            } finally {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export officials", e);
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
