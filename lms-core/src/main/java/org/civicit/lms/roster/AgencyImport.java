package org.civicit.lms.roster;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvLine;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.Database;
import org.civicit.lms.platform.ImportLock;

/**
 * Imports the agency tree from HR's spreadsheet: the whole file is checked against itself
 * and the database, then applied in one transaction. A parent must already exist or come
 * earlier in the file; a move that would make an agency its own ancestor is refused.
 */
@ApplicationScoped
public class AgencyImport {

    static final CsvColumns COLUMNS = CsvColumns.of(
            List.of("code", "name", "level", "sector"), List.of("parent_code", "area"));

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /**
     * An agency as the file or the database has it; {@code parentCode} null for a root,
     * {@code area} null where the agency takes its parent's.
     */
    record Row(long line, String code, String name, Level level, Sector sector, String parentCode, String area) {
    }

    @Transactional
    public ImportResult apply(InputStream csv) {
        try (Connection connection = dataSource.getConnection()) {
            ImportLock.take(connection, ImportLock.ROSTER);
            Map<String, Stored> stored = load(connection);
            List<Row> rows = read(csv, stored);
            return audit.imported(AuditAction.AGENCIES_IMPORTED, write(connection, stored, rows));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import agencies", e);
        }
    }

    /** Checks the whole file; throws {@code CsvRejectedException} listing every problem. */
    static List<Row> read(InputStream csv, Map<String, Stored> stored) {
        CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
        boolean parentsGiven = sheet.hasColumn("parent_code");
        boolean areasGiven = sheet.hasColumn("area");
        Map<String, Row> rows = new LinkedHashMap<>();
        sheet.forEachLine(line -> {
            String code = line.code("code");
            String name = line.required("name", Agency.NAME_LENGTH);
            Level level = line.requiredEnum("level", Level.class);
            Sector sector = line.requiredEnum("sector", Sector.class);
            String parentCode = parentsGiven ? line.optionalCode("parent_code")
                    : code == null || !stored.containsKey(code) ? null : stored.get(code).parentCode();
            String area = areasGiven ? line.text("area", Agency.NAME_LENGTH)
                    : code == null || !stored.containsKey(code) ? null : stored.get(code).area();
            if (code == null) {
                return;
            }
            Row earlier = rows.get(code);
            if (earlier != null) {
                line.error("code", "roster.agency.duplicate", code, earlier.line());
                return;
            }
            Row row = new Row(line.line(), code, name, level, sector, parentCode, area);
            rows.put(code, row);
            if (parentCode != null) {
                checkParent(line, row, rows, stored);
            }
        });
        checkLevels(rows, stored, sheet);
        checkNoCycles(rows, stored, sheet);
        sheet.rejectIfErrors();
        return new ArrayList<>(rows.values());
    }

    private static void checkParent(CsvLine line, Row row, Map<String, Row> rows, Map<String, Stored> stored) {
        if (row.parentCode().equals(row.code())) {
            line.error("parent_code", "roster.agency.ownParent", row.code());
            return;
        }
        if (!rows.containsKey(row.parentCode()) && !stored.containsKey(row.parentCode())) {
            line.error("parent_code", "roster.agency.unknownParent", row.parentCode());
        }
    }

    /**
     * Levels are checked on the tree as it will be, the file over the database: a line may
     * change the level of a parent named earlier, or of one whose children are stored.
     */
    private static void checkLevels(Map<String, Row> rows, Map<String, Stored> stored, CsvSheet sheet) {
        Map<String, Level> levelOf = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        stored.values().forEach(s -> {
            levelOf.put(s.code(), s.level());
            parentOf.put(s.code(), s.parentCode());
        });
        rows.values().forEach(r -> {
            levelOf.put(r.code(), r.level());
            parentOf.put(r.code(), r.parentCode());
        });
        for (Row row : rows.values()) {
            Level parentLevel = row.parentCode() == null ? null : levelOf.get(row.parentCode());
            if (row.level() != null && parentLevel != null && !row.level().mayBeUnder(parentLevel)) {
                sheet.error(row.line(), "level", "roster.agency.levelAboveParent", row.level(), parentLevel);
            }
        }
        for (Stored child : stored.values()) {
            Row parent = child.parentCode() == null || rows.containsKey(child.code()) ? null : rows.get(child.parentCode());
            if (parent != null && parent.level() != null && !child.level().mayBeUnder(parent.level())) {
                sheet.error(parent.line(), "level", "roster.agency.levelAboveChild",
                        child.code(), child.level(), parent.code(), parent.level());
            }
        }
    }

    /**
     * A file may move an agency in the database under one of its own descendants. Each agency
     * is walked up from once, so that a deep tree is checked in time linear in its size.
     */
    private static void checkNoCycles(Map<String, Row> rows, Map<String, Stored> stored, CsvSheet sheet) {
        Map<String, String> parentOf = new HashMap<>();
        stored.values().forEach(s -> parentOf.put(s.code(), s.parentCode()));
        rows.values().forEach(r -> parentOf.put(r.code(), r.parentCode()));
        Map<String, Boolean> inLoop = new HashMap<>();
        for (Row row : rows.values()) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> stepOf = new HashMap<>();
            String at = row.code();
            while (at != null && !inLoop.containsKey(at) && !stepOf.containsKey(at)) {
                stepOf.put(at, path.size());
                path.add(at);
                at = parentOf.get(at);
            }
            int loopStart = at != null && stepOf.containsKey(at) ? stepOf.get(at) : path.size();
            for (int step = 0; step < path.size(); step++) {
                inLoop.put(path.get(step), step >= loopStart);
            }
            // An agency that is its own parent is told once, by checkParent.
            if (inLoop.get(row.code()) && !row.code().equals(row.parentCode())) {
                sheet.error(row.line(), "parent_code", "roster.agency.cycle", row.code(), row.parentCode());
            }
        }
    }

    private ImportResult write(Connection connection, Map<String, Stored> stored, List<Row> rows) throws SQLException {
        int created = 0;
        int updated = 0;
        Map<String, Long> ids = new HashMap<>();
        stored.values().forEach(s -> ids.put(s.code(), s.id()));
        List<Row> changed = new ArrayList<>();
        try (PreparedStatement nextId = connection.prepareStatement("SELECT nextval('agency_seq')")) {
            for (Row row : rows) {
                Stored before = stored.get(row.code());
                if (before == null) {
                    ids.put(row.code(), nextValue(nextId));
                    created++;
                    changed.add(row);
                } else if (!before.sameAs(row)) {
                    updated++;
                    changed.add(row);
                }
            }
        }
        if (!changed.isEmpty()) {
            upsert(connection, stored, changed, ids);
            AgencyPaths.rebuild(connection);
        }
        return new ImportResult(created, updated, rows.size() - created - updated);
    }

    private static void upsert(Connection connection, Map<String, Stored> stored, List<Row> changed,
            Map<String, Long> ids) throws SQLException {
        // Parents come first in the file, so inserting in file order satisfies the foreign key.
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agency (id, code, name, level, sector, parent_id, area, path)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '/')");
             PreparedStatement update = connection.prepareStatement(
                "UPDATE agency SET name = ?, level = ?, sector = ?, parent_id = ?, area = ? WHERE id = ?")) {
            for (Row row : changed) {
                Long parentId = row.parentCode() == null ? null : ids.get(row.parentCode());
                if (stored.containsKey(row.code())) {
                    update.setString(1, row.name());
                    update.setString(2, row.level().name());
                    update.setString(3, row.sector().name());
                    update.setObject(4, parentId);
                    update.setString(5, row.area());
                    update.setLong(6, ids.get(row.code()));
                    update.executeUpdate();
                } else {
                    insert.setLong(1, ids.get(row.code()));
                    insert.setString(2, row.code());
                    insert.setString(3, row.name());
                    insert.setString(4, row.level().name());
                    insert.setString(5, row.sector().name());
                    insert.setObject(6, parentId);
                    insert.setString(7, row.area());
                    insert.executeUpdate();
                }
            }
        }
    }

    private static long nextValue(PreparedStatement nextId) throws SQLException {
        try (ResultSet rs = nextId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An agency already in the database. */
    record Stored(long id, String code, String name, Level level, Sector sector, String parentCode, String area) {

        boolean sameAs(Row row) {
            return name.equals(row.name()) && level == row.level() && sector == row.sector()
                    && Objects.equals(parentCode, row.parentCode()) && Objects.equals(area, row.area());
        }
    }

    static Map<String, Stored> load(Connection connection) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT a.id, a.code, a.name, a.level, a.sector, p.code, a.area FROM agency a"
                        + " LEFT JOIN agency p ON p.id = a.parent_id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getString(2), new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Level.valueOf(rs.getString(4)), Sector.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7)));
            }
        }
        return stored;
    }
}
