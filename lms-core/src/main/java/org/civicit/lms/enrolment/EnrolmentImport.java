package org.civicit.lms.enrolment;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;

/**
 * Enrols officials listed in a CSV file. Every line is checked first (the official in
 * scope, the class known, the official admitted by its programme); then all are enrolled
 * in one transaction, a line already enrolled counting as unchanged.
 */
@ApplicationScoped
public class EnrolmentImport {

    static final CsvColumns COLUMNS = CsvColumns.of(List.of("employee_code", "offering_code"), List.of());

    @Inject
    Roster roster;

    @Inject
    Enrolments enrolments;

    @Inject
    AuditLog audit;

    private record Line(String employeeCode, String offeringCode) {
    }

    @Transactional
    public ImportResult apply(InputStream csv, Scope scope) {
        CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
        Map<String, Offering> offerings = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        sheet.forEachLine(line -> {
            String employeeCode = line.code("employee_code");
            String offeringCode = line.code("offering_code");
            Official official = employeeCode == null ? null : roster.official(scope, employeeCode).orElse(null);
            if (employeeCode != null && official == null) {
                line.error("employee_code", "roster.official.notFound", employeeCode);
            }
            Offering offering = offeringCode == null ? null
                    : offerings.computeIfAbsent(offeringCode, code -> enrolments.find(code).orElse(null));
            if (offeringCode != null && offering == null) {
                line.error("offering_code", "enrolment.offering.notFound", offeringCode);
            }
            if (offering != null && offering.getStatus() != OfferingStatus.OPEN) {
                line.error("offering_code", "enrolment.offering.notOpen", offeringCode, offering.getStatus());
            }
            if (official == null || offering == null) {
                return;
            }
            Enrolments.Refusal refusal = enrolments.refusal(offering, official);
            if (refusal != null) {
                line.error("employee_code", refusal.messageKey(), refusal.arguments().toArray());
            }
            Long earlier = seen.putIfAbsent(employeeCode + "|" + offeringCode, line.line());
            if (earlier != null) {
                line.error("employee_code", "enrolment.import.duplicate", employeeCode, offeringCode, earlier);
            }
            lines.add(new Line(employeeCode, offeringCode));
        });
        sheet.rejectIfErrors();
        int created = 0;
        // Classes are locked in code order, so that two files never wait on each other in a circle.
        lines.sort((a, b) -> a.offeringCode().compareTo(b.offeringCode()));
        for (Line line : lines) {
            if (enrolments.enrol(scope, line.offeringCode(), line.employeeCode()).created()) {
                created++;
            }
        }
        return audit.imported(AuditAction.ENROLMENTS_IMPORTED, new ImportResult(created, 0, lines.size() - created));
    }
}
