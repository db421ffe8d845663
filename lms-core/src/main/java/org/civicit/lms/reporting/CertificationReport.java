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

import org.civicit.lms.certification.CertificationSpans;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Scope;

/**
 * HR's question: what share of the active officials in each group is certified in a
 * programme on a day, and how far is that from the target in force then; and the same at
 * the end of every year or quarter, for the trend. Holders are counted from the spans
 * {@link org.civicit.lms.certification.CertificationSpans} keeps, read once whatever the
 * number of days asked about.
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
     * Per agency, how many of its active officials hold a valid certificate on each day:
     * the spans covering the day ({@link CertificationSpans#COVERS_SQL}, here in Java for
     * many days at once), which never overlap for one holder, so each counts once.
     */
    private static Map<Long, long[]> certified(Connection connection, Scope scope, long programmeId,
            List<LocalDate> days) throws SQLException {
        if (days.size() == 1) {
            return certifiedOn(connection, scope, programmeId, days.get(0));
        }
        Map<Long, long[]> counts = new HashMap<>();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        boolean wasAutoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a fetch size only inside a transaction.
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT o.agency_id, s.valid_from, s.valid_until"
                + " FROM certification_span s JOIN official o ON o.id = s.official_id"
                + " JOIN agency a ON a.id = o.agency_id WHERE s.programme_id = ? AND s.valid_from <= ?"
                + " AND o.active AND a.path LIKE ?")) {
            select.setFetchSize(5000);
            select.setLong(1, programmeId);
            select.setDate(2, Date.valueOf(last));
            select.setString(3, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long[] perDay = counts.computeIfAbsent(rs.getLong(1), agency -> new long[days.size()]);
                    LocalDate from = rs.getDate(2).toLocalDate();
                    Date until = rs.getDate(3);
                    LocalDate to = until == null ? null : until.toLocalDate();
                    for (int i = 0; i < perDay.length; i++) {
                        LocalDate day = days.get(i);
                        if (!from.isAfter(day) && (to == null || !to.isBefore(day))) {
                            perDay[i]++;
                        }
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(wasAutoCommit);
        }
        return counts;
    }

    /** One day, counted by the database: one row per agency comes back instead of every span. */
    private static Map<Long, long[]> certifiedOn(Connection connection, Scope scope, long programmeId, LocalDate day)
            throws SQLException {
        Map<Long, long[]> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT o.agency_id, COUNT(*)"
                + " FROM certification_span s JOIN official o ON o.id = s.official_id"
                + " JOIN agency a ON a.id = o.agency_id WHERE s.programme_id = ? AND "
                + CertificationSpans.COVERS_SQL + " AND o.active AND a.path LIKE ? GROUP BY o.agency_id")) {
            select.setLong(1, programmeId);
            select.setDate(2, Date.valueOf(day));
            select.setDate(3, Date.valueOf(day));
            select.setString(4, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2)});
                }
            }
        }
        return counts;
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
