package org.civicit.lms.certification;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.civicit.lms.roster.Level;

/**
 * Imports the province's certification targets: per programme and level, the share of
 * officials to be certified by a date. A province sets several, one per due date; a later
 * import for the same programme, level and due date replaces the earlier target.
 */
@ApplicationScoped
public class TargetImport {

    static final CsvColumns COLUMNS = CsvColumns.of(
            List.of("programme_code", "level", "target_percent", "due_on"), List.of());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    record Row(long line, long programmeId, Level level, BigDecimal targetPercent, LocalDate dueOn) {

        String key() {
            return programmeId + "|" + level + "|" + dueOn;
        }
    }

    @Transactional
    public ImportResult apply(InputStream csv) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> programmes = new LinkedHashMap<>();
            CertificateImport.programmes(connection).values().forEach(p -> programmes.put(p.code(), p.id()));
            CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
            Map<String, Row> rows = read(sheet, programmes);
            sheet.rejectIfErrors();
            return audit.imported(AuditAction.TARGETS_IMPORTED, write(connection, rows));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import targets", e);
        }
    }

    static Map<String, Row> read(CsvSheet sheet, Map<String, Long> programmes) {
        Map<String, Row> rows = new LinkedHashMap<>();
        sheet.forEachLine(line -> {
            String programmeCode = line.code("programme_code");
            Level level = line.requiredEnum("level", Level.class);
            BigDecimal percent = line.requiredPercent("target_percent");
            LocalDate dueOn = line.requiredDate("due_on");
            Long programmeId = programmeCode == null ? null : programmes.get(programmeCode);
            if (programmeCode != null && programmeId == null) {
                line.error("programme_code", "certification.import.unknownProgramme", programmeCode,
                        String.join(", ", programmes.keySet()));
            }
            if (programmeId == null || level == null || percent == null || dueOn == null) {
                return;
            }
            Row row = new Row(line.line(), programmeId, level, percent, dueOn);
            Row earlier = rows.putIfAbsent(row.key(), row);
            if (earlier != null) {
                line.error("due_on", "certification.target.duplicate", programmeCode, level, dueOn, earlier.line());
            }
        });
        return rows;
    }

    private static ImportResult write(Connection connection, Map<String, Row> rows) throws SQLException {
        Map<String, Row> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT programme_id, level, target_percent, due_on FROM certification_target");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Row row = new Row(0, rs.getLong(1), Level.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getDate(4).toLocalDate());
                stored.put(row.key(), row);
            }
        }
        int created = 0;
        int updated = 0;
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO certification_target (target_percent, imported_at, programme_id, level, due_on)"
                        + " VALUES (?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement(
                "UPDATE certification_target SET target_percent = ?, imported_at = ?"
                        + " WHERE programme_id = ? AND level = ? AND due_on = ?")) {
            for (Row row : rows.values()) {
                Row before = stored.get(row.key());
                PreparedStatement statement;
                if (before == null) {
                    statement = insert;
                    created++;
                } else if (before.targetPercent().compareTo(row.targetPercent()) != 0) {
                    statement = update;
                    updated++;
                } else {
                    continue;
                }
                statement.setBigDecimal(1, row.targetPercent());
                statement.setTimestamp(2, now);
                statement.setLong(3, row.programmeId());
                statement.setString(4, row.level().name());
                statement.setDate(5, Date.valueOf(row.dueOn()));
                statement.executeUpdate();
            }
        }
        return new ImportResult(created, updated, rows.size() - created - updated);
    }
}
