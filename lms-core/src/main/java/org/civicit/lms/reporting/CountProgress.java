package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Scope;

/**
 * Progress toward a programme's count target: officials trained (each counted once) or
 * trainings completed (each certificate counts). A certificate counts from its issue date
 * unless revoked; its later expiry does not undo the training.
 */
@ApplicationScoped
public class CountProgress {

    /** What a programme's count target counts. */
    public enum Unit { OFFICIALS, CERTIFICATES }

    /** {@code target}, {@code remaining} and {@code percent} are null for a programme without a count target. */
    public record Progress(String programme, Unit unit, Integer target, long achieved, Long remaining,
                           BigDecimal percent) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Progress of(Scope scope, String programmeCode, LocalDate asOf) {
        try (Connection connection = dataSource.getConnection()) {
            long programmeId = CertificationReport.programmeId(connection, programmeCode);
            Integer target;
            Unit unit;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count_target, count_unit FROM programme WHERE id = ?")) {
                select.setLong(1, programmeId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    int value = rs.getInt(1);
                    target = rs.wasNull() ? null : value;
                    unit = rs.getString(2) == null ? Unit.OFFICIALS : Unit.valueOf(rs.getString(2));
                }
            }
            long achieved = count(connection, scope, programmeId, asOf, unit);
            if (target == null) {
                return new Progress(programmeCode, unit, null, achieved, null, null);
            }
            return new Progress(programmeCode, unit, target, achieved, Math.max(0, target - achieved),
                    Rates.rate(achieved, target));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count progress of " + programmeCode, e);
        }
    }

    private static long count(Connection connection, Scope scope, long programmeId, LocalDate asOf, Unit unit)
            throws SQLException {
        String what = unit == Unit.OFFICIALS ? "COUNT(DISTINCT c.official_id)" : "COUNT(*)";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + what + " FROM certificate c"
                + " JOIN official o ON o.id = c.official_id JOIN agency a ON a.id = o.agency_id"
                + " WHERE c.programme_id = ? AND c.revoked_at IS NULL AND c.issued_on <= ? AND a.path LIKE ?")) {
            select.setLong(1, programmeId);
            select.setDate(2, Date.valueOf(asOf));
            select.setString(3, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
