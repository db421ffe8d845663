package org.civicit.lms.certification;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.catalog.Programme;
import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.Database;
import org.civicit.lms.platform.ImportLock;
import org.civicit.lms.platform.Today;
import org.civicit.lms.roster.Scope;

/**
 * Imports certificates issued before the application, under the CSV rules. A row is the
 * same certificate as one in the database when it has the same number or, without a
 * number, the same holder, programme and issue date; so a file imported twice changes
 * nothing. Without an expiry date the programme's validity period applies.
 */
@ApplicationScoped
public class CertificateImport {

    static final CsvColumns COLUMNS = CsvColumns.of(
            List.of("employee_code", "programme_code", "issued_on"), List.of("certificate_no", "expires_on"));
    private static final int BATCH = 1000;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    /** What the import needs of a programme. */
    record ProgrammeTerms(long id, String code, Integer validityMonths) {
    }

    /** A certificate as the file gives it, once checked. */
    record Row(long line, String number, long officialId, String employeeCode, ProgrammeTerms programme,
               LocalDate issuedOn, LocalDate expiresOn) {

        String naturalKey() {
            return employeeCode + "|" + programme.code() + "|" + issuedOn;
        }
    }

    private record Stored(long id, String number, String employeeCode, String programmeCode, LocalDate issuedOn,
                          LocalDate expiresOn, boolean imported) {

        String naturalKey() {
            return employeeCode + "|" + programmeCode + "|" + issuedOn;
        }
    }

    @Transactional
    public ImportResult apply(InputStream csv, Scope scope) {
        try (Connection connection = dataSource.getConnection()) {
            ImportLock.take(connection, ImportLock.CERTIFICATES);
            Map<String, Long> officials = officialIds(connection, scope);
            Map<String, ProgrammeTerms> programmes = programmes(connection);
            CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
            List<Row> rows = read(sheet, officials, programmes, Today.date());
            List<Row> created = new ArrayList<>();
            Map<Long, Row> updated = new LinkedHashMap<>();
            int unchanged = compare(connection, sheet, rows, created, updated);
            sheet.rejectIfErrors();
            write(connection, created, updated);
            Set<Long> holders = new HashSet<>();
            created.forEach(row -> holders.add(row.officialId()));
            updated.values().forEach(row -> holders.add(row.officialId()));
            CertificationSpans.refresh(connection, holders);
            return audit.imported(AuditAction.CERTIFICATES_IMPORTED, new ImportResult(created.size(), updated.size(), unchanged));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import certificates", e);
        }
    }

    static List<Row> read(CsvSheet sheet, Map<String, Long> officials, Map<String, ProgrammeTerms> programmes,
            LocalDate today) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> numbersSeen = new HashMap<>();
        Map<String, Long> keysSeen = new HashMap<>();
        sheet.forEachLine(line -> {
            String employeeCode = line.code("employee_code");
            String programmeCode = line.code("programme_code");
            LocalDate issuedOn = line.requiredDate("issued_on");
            LocalDate expiresOn = line.optionalDate("expires_on");
            String number = line.optionalCode("certificate_no");
            Long officialId = employeeCode == null ? null : officials.get(employeeCode);
            if (employeeCode != null && officialId == null) {
                line.error("employee_code", "certification.import.unknownOfficial", employeeCode);
            }
            ProgrammeTerms programme = programmeCode == null ? null : programmes.get(programmeCode);
            if (programmeCode != null && programme == null) {
                line.error("programme_code", "certification.import.unknownProgramme", programmeCode,
                        String.join(", ", programmes.keySet()));
            }
            if (issuedOn != null && issuedOn.isAfter(today)) {
                line.error("issued_on", "certification.import.issuedInFuture", issuedOn);
            }
            if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) {
                line.error("expires_on", "certification.import.expiresBeforeIssued", expiresOn, issuedOn);
            }
            if (number != null) {
                Long earlier = numbersSeen.putIfAbsent(number, line.line());
                if (earlier != null) {
                    line.error("certificate_no", "certification.import.duplicateNumber", number, earlier);
                }
            }
            if (officialId != null && programme != null && issuedOn != null) {
                Row row = new Row(line.line(), number, officialId, employeeCode, programme, issuedOn,
                        expiresOn != null ? expiresOn : Programme.expiryFor(issuedOn, programme.validityMonths()));
                // Without a number, holder, programme and day are what tells certificates apart.
                Long earlier = number == null ? keysSeen.putIfAbsent(row.naturalKey(), line.line()) : null;
                if (earlier != null) {
                    line.error("issued_on", "certification.import.duplicateCertificate", employeeCode,
                            programmeCode, issuedOn, earlier);
                }
                rows.add(row);
            }
        });
        return rows;
    }

    /** Sorts the rows into new and changed ones; a number already used for another certificate is an error. */
    private static int compare(Connection connection, CsvSheet sheet, List<Row> rows, List<Row> created,
            Map<Long, Row> updated) throws SQLException {
        Map<String, Row> byNumber = new HashMap<>();
        Map<String, Row> byKey = new HashMap<>();
        for (Row row : rows) {
            if (row.number() != null) {
                byNumber.put(row.number(), row);
            } else {
                byKey.putIfAbsent(row.naturalKey(), row);
            }
        }
        Map<Row, Boolean> matched = new IdentityHashMap<>();
        int unchanged = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT c.id, c.number, o.employee_code, p.code, c.issued_on, c.expires_on,"
                        + " c.source = 'IMPORT' AND c.revoked_at IS NULL FROM certificate c"
                        + " JOIN official o ON o.id = c.official_id JOIN programme p ON p.id = c.programme_id")) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Date expires = rs.getDate(6);
                    Stored stored = new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), expires == null ? null : expires.toLocalDate(), rs.getBoolean(7));
                    Row row = byNumber.containsKey(stored.number()) ? byNumber.get(stored.number())
                            : byKey.get(stored.naturalKey());
                    if (row == null || matched.put(row, Boolean.TRUE) != null) {
                        continue;
                    }
                    if (!row.employeeCode().equals(stored.employeeCode())
                            || !row.programme().code().equals(stored.programmeCode())) {
                        sheet.error(row.line(), "certificate_no", "certification.import.numberTaken", row.number());
                        continue;
                    }
                    if (row.issuedOn().equals(stored.issuedOn()) && Objects.equals(row.expiresOn(), stored.expiresOn())) {
                        unchanged++;
                    } else if (!stored.imported()) {
                        // Issued here by an exam or a course, or revoked: not a file's to rewrite.
                        sheet.error(row.line(), "certificate_no", "certification.import.notImported", stored.number());
                    } else {
                        updated.put(stored.id(), row);
                    }
                }
            }
        }
        for (Row row : rows) {
            if (!matched.containsKey(row)) {
                created.add(row);
            }
        }
        return unchanged;
    }

    private static void write(Connection connection, List<Row> created, Map<Long, Row> updated) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE certificate SET issued_on = ?, expires_on = ?, version = version + 1 WHERE id = ?")) {
            for (Map.Entry<Long, Row> change : updated.entrySet()) {
                update.setDate(1, Date.valueOf(change.getValue().issuedOn()));
                update.setDate(2, change.getValue().expiresOn() == null ? null : Date.valueOf(change.getValue().expiresOn()));
                update.setLong(3, change.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO certificate (id, number, official_id, programme_id, issued_on, expires_on, source, version)"
                        + " VALUES (nextval('certificate_seq'), ?, ?, ?, ?, ?, 'IMPORT', 0)")) {
            int pending = 0;
            for (Row row : created) {
                insert.setString(1, row.number() != null ? row.number()
                        : CertificateNumbers.next(row.programme().code(), row.issuedOn()));
                insert.setLong(2, row.officialId());
                insert.setLong(3, row.programme().id());
                insert.setDate(4, Date.valueOf(row.issuedOn()));
                insert.setDate(5, row.expiresOn() == null ? null : Date.valueOf(row.expiresOn()));
                insert.addBatch();
                if (++pending % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    static Map<String, Long> officialIds(Connection connection, Scope scope) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT o.employee_code, o.id FROM official o JOIN agency a ON a.id = o.agency_id WHERE a.path LIKE ?")) {
            select.setString(1, scope.pathPattern());
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    static Map<String, ProgrammeTerms> programmes(Connection connection) throws SQLException {
        Map<String, ProgrammeTerms> programmes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, code, validity_months FROM programme ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int months = rs.getInt(3);
                Integer validityMonths = rs.wasNull() ? null : months;
                programmes.put(rs.getString(2), new ProgrammeTerms(rs.getLong(1), rs.getString(2), validityMonths));
            }
        }
        return programmes;
    }
}
