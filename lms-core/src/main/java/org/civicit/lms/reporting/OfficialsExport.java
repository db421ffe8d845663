package org.civicit.lms.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.certification.HeldCertificates;
import org.civicit.lms.csv.CsvOutput;
import org.civicit.lms.csv.RowWriter;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Scope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The detail behind the certification report: every active official in scope with the
 * certificate that makes them certified on the day, if any (the latest issued). Rows go
 * from the database straight to the writer, so memory does not grow with them: on
 * PostgreSQL a CSV file comes from COPY, elsewhere from a cursor.
 */
@ApplicationScoped
public class OfficialsExport {

    public static final String[] HEADER = {"employee_code", "full_name", "agency_code", "agency_name", "level",
        "sector", "certified", "certificate_no", "issued_on", "expires_on"};
    private static final int FETCH_SIZE = 5000;
    /** The certificate held on the day is kept current as certificates change: one join, no ranking. */
    private static final String QUERY = """
            SELECT o.employee_code, o.full_name, a.code, a.name, a.level, a.sector,
                   CASE WHEN h.number IS NULL THEN 'false' ELSE 'true' END, h.number, h.issued_on, h.expires_on
            FROM official o
            JOIN agency a ON a.id = o.agency_id
            LEFT JOIN held_certificate h ON h.official_id = o.id AND h.programme_id = ? AND %s
            WHERE o.active AND a.path LIKE ? AND a.path LIKE ?%s
            ORDER BY o.employee_code
            """;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Which officials: those of one agency (with or without the agencies under it, {@code
     * null} for the whole scope), certified or not ({@code null} for both).
     */
    public record Selection(String agencyCode, boolean includeSubtree, Boolean certified) {

        public static final Selection ALL = new Selection(null, true, null);
    }

    /** One official as the export lists it; the certificate's fields are null when not certified. */
    public record Line(String employeeCode, String fullName, String agencyCode, String agencyName, String level,
                       String sector, String certificateNo, LocalDate issuedOn, LocalDate expiresOn) {

        public boolean certified() {
            return certificateNo != null;
        }
    }

    /** Checks the programme before anything is written, so that a mistake is a clean error. */
    public long programmeId(String programmeCode) {
        try (Connection connection = dataSource.getConnection()) {
            return CertificationReport.programmeId(connection, programmeCode);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up programme " + programmeCode, e);
        }
    }

    /** Checks the selected agency before anything is written, so that a mistake is a clean error. */
    public void check(Scope scope, Selection selection) {
        try (Connection connection = dataSource.getConnection()) {
            agencyPattern(connection, scope, selection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up agency " + selection.agencyCode(), e);
        }
    }

    /** Writes the rows; the caller owns and closes the writer. */
    public void write(Scope scope, long programmeId, LocalDate asOf, Selection selection, RowWriter out) {
        if (out instanceof CsvOutput csv && copied(scope, programmeId, asOf, selection, csv)) {
            return;
        }
        each(scope, programmeId, asOf, selection, line -> out.row(line.employeeCode(), line.fullName(),
                line.agencyCode(), line.agencyName(), line.level(), line.sector(), line.certified(),
                line.certificateNo(), line.issuedOn(), line.expiresOn()));
    }

    /**
     * Writes the CSV from PostgreSQL's COPY, if that is the database. A cursor's query runs in
     * one process, as the rows are fetched; COPY's runs on every core PostgreSQL may use, and
     * its rows arrive already as CSV. COPY takes no parameters: the values are written into
     * the statement as literals. Returns whether it wrote the rows.
     */
    private boolean copied(Scope scope, long programmeId, LocalDate asOf, Selection selection, CsvOutput out) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            List<Object> values = List.of(programmeId, asOf, asOf, scope.pathPattern(),
                    agencyPattern(connection, scope, selection));
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                // Dates as ISO, and a quote inside a literal is only ever doubled.
                settings.execute("SET LOCAL DateStyle = 'ISO'");
                settings.execute("SET LOCAL standard_conforming_strings = on");
                CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "COPY (" + withLiterals(query(selection), values) + ") TO STDOUT WITH (FORMAT csv)");
                try {
                    for (byte[] record = copy.readFromCopy(); record != null; record = copy.readFromCopy()) {
                        out.copied(record);
                    }
                } catch (RuntimeException e) {
                    drain(copy);
                    throw e;
                }
            } finally {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export officials", e);
        }
    }

    /**
     * Reads a COPY that the writer gave up on (the client went away) to its end. A COPY left
     * half read holds its connection: the rollback would wait for it for ever, and a
     * cancelled one leaves the driver out of step with the server.
     */
    private static void drain(CopyOut copy) throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // Nothing to keep.
        }
    }

    /** The query with each {@code ?} replaced by its value as an SQL literal, in order. */
    static String withLiterals(String query, List<Object> values) {
        StringBuilder sql = new StringBuilder();
        int from = 0;
        for (Object value : values) {
            int mark = query.indexOf('?', from);
            sql.append(query, from, mark).append(literal(value));
            from = mark + 1;
        }
        return sql.append(query, from, query.length()).toString();
    }

    private static String literal(Object value) {
        if (value instanceof Long number) {
            return number.toString();
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("No literal for " + value.getClass());
    }

    private static String query(Selection selection) {
        String certified = selection.certified() == null ? ""
                : selection.certified() ? " AND h.number IS NOT NULL" : " AND h.number IS NULL";
        return QUERY.formatted(HeldCertificates.COVERS_SQL, certified);
    }

    /** The first {@code limit} lines, for a page. */
    public List<Line> list(Scope scope, long programmeId, LocalDate asOf, Selection selection, int limit) {
        List<Line> lines = new ArrayList<>();
        each(scope, programmeId, asOf, selection, line -> {
            if (lines.size() < limit) {
                lines.add(line);
            }
        });
        return lines;
    }

    private void each(Scope scope, long programmeId, LocalDate asOf, Selection selection, Consumer<Line> consumer) {
        try (Connection connection = dataSource.getConnection()) {
            String agencyPattern = agencyPattern(connection, scope, selection);
            // PostgreSQL streams with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(query(selection))) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, programmeId);
                select.setDate(2, Date.valueOf(asOf));
                select.setDate(3, Date.valueOf(asOf));
                select.setString(4, scope.pathPattern());
                select.setString(5, agencyPattern);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(8), date(rs.getDate(9)),
                                date(rs.getDate(10))));
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

    /** The LIKE pattern of the selected agency's path; an agency out of scope is as unknown as one that does not exist. */
    private static String agencyPattern(Connection connection, Scope scope, Selection selection) throws SQLException {
        if (selection.agencyCode() == null) {
            return "/%";
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT path FROM agency WHERE code = ?")) {
            select.setString(1, selection.agencyCode());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || !scope.coversPath(rs.getString(1))) {
                    throw new BusinessException.Invalid("roster.officials.unknownAgency", selection.agencyCode());
                }
                return selection.includeSubtree() ? rs.getString(1) + "%" : rs.getString(1);
            }
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
