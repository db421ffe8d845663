package org.civicit.lms.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.certification.Validity;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Scope;

/**
 * HR's question: what share of the active officials in each group is certified in a
 * programme on a day, and how far is that from the target in force then; and the same at
 * the end of every year or quarter, for the trend. The certificates of the programme are
 * read once, in holder order, whatever the number of days asked about.
 */
@ApplicationScoped
public class CertificationReport {

    /** The most days one trend may have: fifty years of quarters. */
    public static final int MAX_POINTS = 200;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public enum Step { YEAR, QUARTER }

    /** The report on one day. */
    public record Point(LocalDate asOf, List<ReportRow> rows) {
    }

    /** The by-level report at the end of each step, and every target the programme has. */
    public record Trend(String programme, List<Point> points, List<Target> targets) {
    }

    public List<ReportRow> run(Scope scope, String programmeCode, Grouping grouping, Slice slice, LocalDate asOf,
            Locale locale) {
        try (Connection connection = dataSource.getConnection()) {
            long programmeId = programmeId(connection, programmeCode);
            return reports(connection, scope, programmeId, grouping, slice, List.of(asOf), locale).get(0).rows();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the certification report", e);
        }
    }

    /**
     * By level, from {@code from} (the first certificate's day when null) to {@code to}: the
     * last day of every year or quarter in between, and {@code to} itself.
     */
    public Trend trend(Scope scope, String programmeCode, LocalDate from, LocalDate to, Step step, Locale locale) {
        try (Connection connection = dataSource.getConnection()) {
            long programmeId = programmeId(connection, programmeCode);
            LocalDate start = from != null ? from : firstIssue(connection, scope, programmeId, to);
            if (start.isAfter(to)) {
                throw new BusinessException.Invalid("reporting.trend.order", start, to);
            }
            List<LocalDate> days = days(start, to, step);
            List<Point> points = reports(connection, scope, programmeId, Grouping.LEVEL, Slice.ALL, days, locale);
            return new Trend(programmeCode, points, Targets.load(connection, programmeId).all());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the certification trend", e);
        }
    }

    /** The last day of each year or quarter from {@code from} on, before {@code to}, then {@code to}. */
    static List<LocalDate> days(LocalDate from, LocalDate to, Step step) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate end = step == Step.YEAR ? from.withDayOfYear(from.lengthOfYear())
                : from.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
        while (end.isBefore(to)) {
            days.add(end);
            // From a last day: the next year's, or the next quarter's (a quarter's first day plus three months).
            end = step == Step.YEAR ? end.plusYears(1) : end.plusDays(1).plusMonths(3).minusDays(1);
            if (days.size() >= MAX_POINTS) {
                throw new BusinessException.Invalid("reporting.trend.tooLong", MAX_POINTS);
            }
        }
        days.add(to);
        return days;
    }

    private List<Point> reports(Connection connection, Scope scope, long programmeId, Grouping grouping, Slice slice,
            List<LocalDate> days, Locale locale) throws SQLException {
        AgencyTree tree = AgencyTree.load(connection);
        Targets targets = Targets.load(connection, programmeId);
        Map<Long, Long> officials = activeOfficials(connection, scope);
        Map<Long, long[]> certified = certified(connection, scope, programmeId, days);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            int day = i;
            LocalDate asOf = days.get(day);
            points.add(new Point(asOf, GroupedRows.of(tree, scope, grouping, slice,
                    agency -> new GroupedRows.Counts(officials.getOrDefault(agency, 0L),
                            certified.containsKey(agency) ? certified.get(agency)[day] : 0),
                    level -> targets.inForce(level, asOf), locale)));
        }
        return points;
    }

    private static Map<Long, Long> activeOfficials(Connection connection, Scope scope) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT o.agency_id, COUNT(*) FROM official o"
                + " JOIN agency a ON a.id = o.agency_id WHERE o.active AND a.path LIKE ? GROUP BY o.agency_id")) {
            select.setString(1, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * Per agency, how many of its active officials hold a valid certificate on each day. The
     * certificates come in holder order, so each official is counted once per day however
     * many certificates it holds.
     */
    private static Map<Long, long[]> certified(Connection connection, Scope scope, long programmeId,
            List<LocalDate> days) throws SQLException {
        Map<Long, long[]> counts = new HashMap<>();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        boolean wasAutoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a fetch size only inside a transaction.
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT c.official_id, o.agency_id, c.issued_on,"
                + " c.expires_on FROM certificate c JOIN official o ON o.id = c.official_id"
                + " JOIN agency a ON a.id = o.agency_id WHERE c.programme_id = ? AND c.revoked_at IS NULL"
                + " AND c.issued_on <= ? AND o.active AND a.path LIKE ? ORDER BY c.official_id")) {
            select.setFetchSize(5000);
            select.setLong(1, programmeId);
            select.setDate(2, Date.valueOf(last));
            select.setString(3, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                long holder = -1;
                long agency = -1;
                boolean[] valid = new boolean[days.size()];
                while (rs.next()) {
                    if (rs.getLong(1) != holder) {
                        tally(counts, agency, valid);
                        holder = rs.getLong(1);
                        agency = rs.getLong(2);
                    }
                    LocalDate issuedOn = rs.getDate(3).toLocalDate();
                    Date expires = rs.getDate(4);
                    LocalDate expiresOn = expires == null ? null : expires.toLocalDate();
                    for (int i = 0; i < valid.length; i++) {
                        valid[i] |= Validity.validOn(days.get(i), issuedOn, expiresOn, false);
                    }
                }
                tally(counts, agency, valid);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(wasAutoCommit);
        }
        return counts;
    }

    /** Adds one holder to its agency's counts on the days it was certified, and clears the days for the next. */
    private static void tally(Map<Long, long[]> counts, long agency, boolean[] valid) {
        if (agency < 0) {
            return;
        }
        long[] perDay = counts.computeIfAbsent(agency, a -> new long[valid.length]);
        for (int i = 0; i < valid.length; i++) {
            if (valid[i]) {
                perDay[i]++;
                valid[i] = false;
            }
        }
    }

    private static LocalDate firstIssue(Connection connection, Scope scope, long programmeId, LocalDate fallback)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(c.issued_on) FROM certificate c"
                + " JOIN official o ON o.id = c.official_id JOIN agency a ON a.id = o.agency_id"
                + " WHERE c.programme_id = ? AND c.revoked_at IS NULL AND a.path LIKE ?")) {
            select.setLong(1, programmeId);
            select.setString(2, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Date first = rs.getDate(1);
                return first == null ? fallback : first.toLocalDate();
            }
        }
    }

    static long programmeId(Connection connection, String programmeCode) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM programme WHERE code = ?")) {
            select.setString(1, programmeCode);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new BusinessException.Invalid("reporting.unknownProgramme", programmeCode);
                }
                return rs.getLong(1);
            }
        }
    }
}
