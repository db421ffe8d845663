package org.civicit.lms.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.civicit.lms.certification.Validity;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Database;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.roster.Sector;

/**
 * HR's question: what share of the active officials in each group is certified in a
 * programme on a day, and how far is that from the target. Officials are counted per
 * agency in one grouped query; the grouping is done over the agencies, of which a
 * province has hundreds, not over the officials.
 */
@ApplicationScoped
public class CertificationReport {

    public static final String TOTAL = "TOTAL";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** One line of the report; {@code targetPercent} and {@code gapPercent} are null without a target. */
    public record Row(String group, long officials, long certified, BigDecimal ratePercent,
                      BigDecimal targetPercent, BigDecimal gapPercent) {

        static Row of(String group, long officials, long certified, BigDecimal target) {
            BigDecimal rate = Rates.rate(certified, officials);
            return new Row(group, officials, certified, rate, target, Rates.gap(target, rate));
        }
    }

    private record AgencyCount(String code, Level level, Sector sector, String path, long officials, long certified) {
    }

    /** Counts as they add up per group, in the order the groups are listed. */
    private static final class Tally {
        long officials;
        long certified;

        void add(AgencyCount agency) {
            officials += agency.officials();
            certified += agency.certified();
        }
    }

    public List<Row> run(Scope scope, String programmeCode, Grouping grouping, LocalDate asOf) {
        try (Connection connection = dataSource.getConnection()) {
            long programmeId = programmeId(connection, programmeCode);
            Map<Level, BigDecimal> targets = targets(connection, programmeId);
            List<AgencyCount> agencies = count(connection, scope, programmeId, asOf);
            return switch (grouping) {
                case LEVEL -> byEnum(agencies, Level.class, AgencyCount::level, targets);
                case SECTOR -> byEnum(agencies, Sector.class, AgencyCount::sector, Map.of());
                case AGENCY -> byAgency(agencies, targets);
                case DISTRICT -> byDistrict(agencies);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the certification report", e);
        }
    }

    /** Every constant gets a row, empty or not, then the total. */
    private static <E extends Enum<E>> List<Row> byEnum(List<AgencyCount> agencies, Class<E> type,
            Function<AgencyCount, E> key, Map<E, BigDecimal> targets) {
        Map<E, Tally> tallies = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            tallies.put(constant, new Tally());
        }
        agencies.forEach(agency -> tallies.get(key.apply(agency)).add(agency));
        List<Row> rows = new ArrayList<>();
        tallies.forEach((constant, tally) ->
                rows.add(Row.of(constant.name(), tally.officials, tally.certified, targets.get(constant))));
        return withTotal(rows);
    }

    private static List<Row> byAgency(List<AgencyCount> agencies, Map<Level, BigDecimal> targets) {
        List<Row> rows = new ArrayList<>();
        agencies.stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(a -> rows.add(Row.of(a.code(), a.officials(), a.certified(), targets.get(a.level()))));
        return withTotal(rows);
    }

    /**
     * A district is a district-level agency with no district-level agency above it; its
     * group holds everything under it. What is in no district (the province's own agencies)
     * is the group {@code PROVINCE}, so that the total is everyone, as in every grouping.
     */
    private static List<Row> byDistrict(List<AgencyCount> agencies) {
        Map<String, String> districtOfPath = new HashMap<>();
        agencies.stream()
                .filter(a -> a.level() == Level.DISTRICT)
                .sorted((a, b) -> Integer.compare(a.path().length(), b.path().length()))
                .forEach(a -> {
                    boolean underAnother = districtOfPath.keySet().stream().anyMatch(a.path()::startsWith);
                    if (!underAnother) {
                        districtOfPath.put(a.path(), a.code());
                    }
                });
        Map<String, Tally> tallies = new TreeMap<>();
        districtOfPath.values().forEach(code -> tallies.put(code, new Tally()));
        for (AgencyCount agency : agencies) {
            districtOfPath.entrySet().stream()
                    .filter(district -> agency.path().startsWith(district.getKey()))
                    .findFirst()
                    .ifPresent(district -> tallies.get(district.getValue()).add(agency));
        }
        Tally outside = new Tally();
        for (AgencyCount agency : agencies) {
            if (districtOfPath.keySet().stream().noneMatch(agency.path()::startsWith)) {
                outside.add(agency);
            }
        }
        List<Row> rows = new ArrayList<>();
        tallies.forEach((code, tally) -> rows.add(Row.of(code, tally.officials, tally.certified, null)));
        rows.add(Row.of(Level.PROVINCE.name(), outside.officials, outside.certified, null));
        return withTotal(rows);
    }

    private static List<Row> withTotal(List<Row> rows) {
        long officials = rows.stream().mapToLong(Row::officials).sum();
        long certified = rows.stream().mapToLong(Row::certified).sum();
        List<Row> all = new ArrayList<>(rows);
        all.add(Row.of(TOTAL, officials, certified, null));
        return all;
    }

    private static List<AgencyCount> count(Connection connection, Scope scope, long programmeId, LocalDate asOf)
            throws SQLException {
        Map<Long, long[]> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT o.agency_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM certificate c"
                        + " WHERE c.official_id = o.id AND c.programme_id = ? AND " + Validity.VALID_ON_SQL
                        + ") THEN 1 ELSE 0 END) FROM official o JOIN agency a ON a.id = o.agency_id"
                        + " WHERE o.active AND a.path LIKE ? GROUP BY o.agency_id")) {
            select.setLong(1, programmeId);
            select.setDate(2, Date.valueOf(asOf));
            select.setDate(3, Date.valueOf(asOf));
            select.setString(4, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        List<AgencyCount> agencies = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, code, level, sector, path FROM agency WHERE path LIKE ?")) {
            select.setString(1, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long[] count = counts.getOrDefault(rs.getLong(1), new long[2]);
                    agencies.add(new AgencyCount(rs.getString(2), Level.valueOf(rs.getString(3)),
                            Sector.valueOf(rs.getString(4)), rs.getString(5), count[0], count[1]));
                }
            }
        }
        return agencies;
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

    private static Map<Level, BigDecimal> targets(Connection connection, long programmeId) throws SQLException {
        Map<Level, BigDecimal> targets = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT level, target_percent FROM certification_target WHERE programme_id = ?")) {
            select.setLong(1, programmeId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    targets.put(Level.valueOf(rs.getString(1)), rs.getBigDecimal(2).setScale(1));
                }
            }
        }
        return targets;
    }
}
