package org.civicit.lms.roster;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.Database;
import org.civicit.lms.platform.ImportLock;

/**
 * Imports the officials from HR's spreadsheet. A province has tens of thousands of them,
 * so the rows are compared with the database in one streamed read and written a chunk
 * at a time, all in one transaction. An optional column left out of the file keeps what
 * the database has.
 */
@ApplicationScoped
public class OfficialImport {

    static final CsvColumns COLUMNS = CsvColumns.of(
            List.of("employee_code", "full_name", "agency_code", "position"),
            List.of("email", "it_degree", "active"));
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int FETCH_SIZE = 1000;
    private static final int CHUNK = 10_000;
    /** The written columns after the key, as {@link #bind} gives them. */
    private static final String COLUMNS_READ = """
            UNNEST(CAST(? AS %s ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS BIGINT ARRAY),
                   CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS BOOLEAN ARRAY))
              AS u(%s, full_name, search_key, agency_id, position, email, it_degree, active)""";
    private static final String UPDATE = """
            MERGE INTO official o USING (SELECT * FROM %s) u ON o.id = u.id
            WHEN MATCHED THEN UPDATE SET full_name = u.full_name, search_key = u.search_key, agency_id = u.agency_id,
                position = u.position, email = u.email, it_degree = u.it_degree, active = u.active
            """.formatted(COLUMNS_READ.formatted("BIGINT", "id"));
    private static final String INSERT = """
            INSERT INTO official (id, employee_code, full_name, search_key, agency_id, position, email, it_degree, active)
            SELECT nextval('official_seq'), u.* FROM %s
            """.formatted(COLUMNS_READ.formatted("VARCHAR", "employee_code"));

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /** An official as the file gives it; {@code null} for a column the file leaves out. */
    record Row(long line, String code, String fullName, String agencyCode, Position position,
               String email, ItDegree itDegree, Boolean active) {

        /** This row with the database's values where the file is silent. */
        Row over(Row stored, boolean emailGiven, boolean degreeGiven) {
            return new Row(line, code, fullName, agencyCode, position,
                    emailGiven ? email : stored.email(),
                    degreeGiven ? itDegree : stored.itDegree(),
                    active == null ? stored.active() : active);
        }

        boolean sameAs(Row other) {
            return fullName.equals(other.fullName) && agencyCode.equals(other.agencyCode)
                    && position == other.position && Objects.equals(email, other.email)
                    && itDegree == other.itDegree && Objects.equals(active, other.active);
        }
    }

    /**
     * Applies the file. Every agency it names, and every official it changes, must be in
     * the caller's scope: HR maintains only its own subtree.
     */
    @Transactional
    public ImportResult apply(InputStream csv, Scope scope) {
        try (Connection connection = dataSource.getConnection()) {
            ImportLock.take(connection, ImportLock.ROSTER);
            Map<String, Long> agencies = agencyIds(connection, scope);
            CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
            Map<String, Row> rows = read(sheet, agencies, staffUsernames(connection));
            Changes changes = compare(connection, sheet, agencies, rows);
            refuseInactiveAgencies(sheet, changes, inactiveAgencies(connection));
            sheet.rejectIfErrors();
            write(connection, agencies, changes);
            return audit.imported(AuditAction.OFFICIALS_IMPORTED, new ImportResult(changes.created().size(), changes.updated().size(), changes.unchanged()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import officials", e);
        }
    }

    /**
     * Checks every line on its own; problems are noted on the sheet. An employee code is
     * also a username, so it may not be that of a staff account such as {@code admin}.
     */
    static Map<String, Row> read(CsvSheet sheet, Map<String, Long> agencies, Set<String> staffUsernames) {
        Map<String, Row> rows = new LinkedHashMap<>();
        sheet.forEachLine(line -> {
            String code = line.code("employee_code");
            String fullName = line.required("full_name", Official.NAME_LENGTH);
            String agencyCode = line.code("agency_code");
            Position position = line.requiredEnum("position", Position.class);
            String email = line.text("email", Official.EMAIL_LENGTH);
            ItDegree degree = line.optionalEnum("it_degree", ItDegree.class);
            Boolean active = line.optionalBoolean("active");
            if (email != null && !EMAIL.matcher(email).matches()) {
                line.error("email", "roster.official.email", email);
            }
            if (agencyCode != null && !agencies.containsKey(agencyCode)) {
                line.error("agency_code", "roster.official.unknownAgency", agencyCode);
            }
            if (code == null) {
                return;
            }
            if (staffUsernames.contains(code)) {
                line.error("employee_code", "roster.official.staffUsername", code);
            }
            Row earlier = rows.putIfAbsent(code,
                    new Row(line.line(), code, fullName, agencyCode, position, email, degree, active));
            if (earlier != null) {
                line.error("employee_code", "roster.official.duplicate", code, earlier.line());
            }
        });
        return rows;
    }

    /** What applying the file would do; {@code updated} maps database ids to the new rows. */
    private record Changes(List<Row> created, Map<Long, Row> updated, int unchanged) {
    }

    /**
     * Compares the file with the officials in the database in one streamed read. An official
     * the file would change must be in scope already: HR cannot pull people in from elsewhere.
     */
    private static Changes compare(Connection connection, CsvSheet sheet, Map<String, Long> agencies,
            Map<String, Row> rows) throws SQLException {
        boolean emailGiven = sheet.hasColumn("email");
        boolean degreeGiven = sheet.hasColumn("it_degree");
        boolean linesAreSound = sheet.errors().isEmpty();
        Set<Long> agenciesInScope = new HashSet<>(agencies.values());
        Map<String, Row> created = new LinkedHashMap<>(rows);
        Map<Long, Row> updated = new HashMap<>();
        int unchanged = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT o.id, o.employee_code, o.full_name, a.code, o.position, o.email, o.it_degree, o.active,"
                        + " o.agency_id FROM official o JOIN agency a ON a.id = o.agency_id")) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Row row = created.remove(rs.getString(2));
                    if (row == null) {
                        continue;
                    }
                    if (!agenciesInScope.contains(rs.getLong(9))) {
                        sheet.error(row.line(), "employee_code", "roster.official.outOfScope", row.code());
                    } else if (linesAreSound) {
                        Row stored = new Row(0, row.code(), rs.getString(3), rs.getString(4),
                                Position.valueOf(rs.getString(5)), rs.getString(6),
                                rs.getString(7) == null ? null : ItDegree.valueOf(rs.getString(7)), rs.getBoolean(8));
                        Row wanted = row.over(stored, emailGiven, degreeGiven);
                        if (wanted.sameAs(stored)) {
                            unchanged++;
                        } else {
                            updated.put(rs.getLong(1), wanted);
                        }
                    }
                }
            }
        }
        return new Changes(List.copyOf(created.values()), updated, unchanged);
    }

    /**
     * Writes the changes a chunk at a time, each chunk one statement that reads its rows as
     * one array per column: the database then plans one set-based write, not a statement per
     * official.
     */
    private static void write(Connection connection, Map<String, Long> agencies, Changes changes)
            throws SQLException {
        List<Map.Entry<Long, Row>> updated = List.copyOf(changes.updated().entrySet());
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int from = 0; from < updated.size(); from += CHUNK) {
                List<Map.Entry<Long, Row>> chunk = updated.subList(from, Math.min(from + CHUNK, updated.size()));
                update.setArray(1, connection.createArrayOf("BIGINT", chunk.stream().map(Map.Entry::getKey).toArray()));
                bind(update, chunk.stream().map(Map.Entry::getValue).toList(), agencies);
                update.executeUpdate();
            }
        }
        List<Row> created = changes.created();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int from = 0; from < created.size(); from += CHUNK) {
                List<Row> chunk = created.subList(from, Math.min(from + CHUNK, created.size()));
                insert.setArray(1, connection.createArrayOf("VARCHAR", chunk.stream().map(Row::code).toArray()));
                bind(insert, chunk, agencies);
                insert.executeUpdate();
            }
        }
    }

    /** Parameters 2 to 8: the columns an import writes, one array each. */
    private static void bind(PreparedStatement statement, List<Row> rows, Map<String, Long> agencies)
            throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(2, connection.createArrayOf("VARCHAR", rows.stream().map(Row::fullName).toArray()));
        statement.setArray(3, connection.createArrayOf("VARCHAR",
                rows.stream().map(row -> Official.searchKey(row.fullName(), row.code())).toArray()));
        statement.setArray(4, connection.createArrayOf("BIGINT",
                rows.stream().map(row -> agencies.get(row.agencyCode())).toArray()));
        statement.setArray(5, connection.createArrayOf("VARCHAR", rows.stream().map(row -> row.position().name()).toArray()));
        statement.setArray(6, connection.createArrayOf("VARCHAR", rows.stream().map(Row::email).toArray()));
        statement.setArray(7, connection.createArrayOf("VARCHAR",
                rows.stream().map(row -> row.itDegree() == null ? null : row.itDegree().name()).toArray()));
        // A new official is active unless the file says otherwise.
        statement.setArray(8, connection.createArrayOf("BOOLEAN",
                rows.stream().map(row -> row.active() == null || row.active()).toArray()));
    }

    private static Set<String> staffUsernames(Connection connection) throws SQLException {
        Set<String> usernames = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT username FROM account WHERE official_id IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                usernames.add(rs.getString(1));
            }
        }
        return usernames;
    }

    /**
     * A deactivated agency is offered to no one: an official the file creates, moves or keeps
     * active may not be placed in one (an official leaving the service may still be written).
     */
    static void refuseInactiveAgencies(CsvSheet sheet, Changes changes, Set<String> inactive) {
        if (inactive.isEmpty()) {
            return;
        }
        Stream.concat(changes.created().stream(), changes.updated().values().stream())
                .filter(row -> !Boolean.FALSE.equals(row.active()) && inactive.contains(row.agencyCode()))
                .forEach(row -> sheet.error(row.line(), "agency_code", "roster.official.inactiveAgency",
                        row.agencyCode()));
    }

    static Set<String> inactiveAgencies(Connection connection) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code FROM agency WHERE NOT active");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    /** The agencies in scope by code; the others are as unknown to the file as absent ones. */
    static Map<String, Long> agencyIds(Connection connection, Scope scope) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code, id FROM agency WHERE path LIKE ?")) {
            select.setString(1, scope.pathPattern());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }
}
