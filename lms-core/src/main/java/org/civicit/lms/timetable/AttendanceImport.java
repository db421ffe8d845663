package org.civicit.lms.timetable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;

/**
 * A session's register from a spreadsheet: one line per trainee with its employee code and
 * status (the English code or the register's Vietnamese word). The whole file is checked
 * first, every problem reported by line; then all marks are written as one, exactly as marking
 * by hand does. {@code full_name} may stay in the file (the session's export has it) and is not read.
 */
@ApplicationScoped
public class AttendanceImport {

    static final CsvColumns COLUMNS = CsvColumns.of(List.of("employee_code", "status"), List.of("full_name"));

    @Inject
    AttendanceRegister register;

    @Transactional
    public ImportResult apply(String offeringCode, long sessionId, InputStream csv, String by, boolean admin) {
        ClassSession session = register.markable(offeringCode, sessionId, by, admin);
        List<AttendanceRegister.Mark> marks = read(csv, register.seated(session.getOffering()).keySet(), offeringCode);
        return register.mark(offeringCode, sessionId, marks, by, admin);
    }

    /** Every line as a mark, or the file rejected with every problem found. */
    static List<AttendanceRegister.Mark> read(InputStream csv, Set<String> seated, String offeringCode) {
        CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
        List<AttendanceRegister.Mark> marks = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        sheet.forEachLine(line -> {
            String code = line.code("employee_code");
            AttendanceStatus status = line.requiredEnum("status", AttendanceStatus.class);
            if (code != null && !seated.contains(code)) {
                line.error("employee_code", "timetable.attendance.noSeat", code, offeringCode);
                code = null;
            }
            if (code != null) {
                Long earlier = seen.putIfAbsent(code, line.line());
                if (earlier != null) {
                    line.error("employee_code", "timetable.attendance.import.twice", code, String.valueOf(earlier));
                    code = null;
                }
            }
            if (code != null && status != null) {
                marks.add(new AttendanceRegister.Mark(code, status));
            }
        });
        if (marks.isEmpty() && sheet.errors().isEmpty()) {
            sheet.error(1, null, "timetable.attendance.import.empty");
        }
        sheet.rejectIfErrors();
        return marks;
    }
}
