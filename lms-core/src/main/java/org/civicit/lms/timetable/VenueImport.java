package org.civicit.lms.timetable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.csv.CsvColumns;
import org.civicit.lms.csv.CsvSheet;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.FileErrors;

/**
 * Venues from a spreadsheet, keyed by code: every line is checked first, then all are
 * written in one transaction; a line that changes nothing counts as unchanged.
 */
@ApplicationScoped
public class VenueImport {

    static final CsvColumns COLUMNS = CsvColumns.of(List.of("code", "name", "kind", "seats"), List.of("address"));

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Venues venues;

    @Inject
    AuditLog audit;

    @Transactional
    public ImportResult apply(InputStream csv) {
        List<Venues.Draft> drafts = read(csv);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Venues.Draft draft : drafts) {
            String address = Venues.blankToNull(draft.address());
            Venue venue = venues.find(draft.code()).orElse(null);
            if (venue == null) {
                em.persist(new Venue(draft.code(), draft.name().strip(), draft.kind(), draft.seats(), address));
                created++;
            } else if (venue.differs(draft.name().strip(), draft.kind(), draft.seats(), address)) {
                venue.change(draft.name().strip(), draft.kind(), draft.seats(), address);
                updated++;
            } else {
                unchanged++;
            }
        }
        return audit.imported(AuditAction.VENUES_IMPORTED, new ImportResult(created, updated, unchanged));
    }

    /** Every line of the file as a draft, or the file rejected with every problem found. */
    static List<Venues.Draft> read(InputStream csv) {
        CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
        List<Venues.Draft> drafts = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        sheet.forEachLine(line -> {
            String code = line.code("code");
            String name = line.required("name", Venue.NAME_LENGTH);
            VenueKind kind = line.requiredEnum("kind", VenueKind.class);
            String address = line.text("address", Venue.ADDRESS_LENGTH);
            Integer seats = null;
            String seatsText = line.text("seats");
            if (seatsText == null) {
                line.error("seats", "csv.value.required");
            } else if (!seatsText.matches("\\d{1,9}") || Integer.parseInt(seatsText) < 1
                    || Integer.parseInt(seatsText) > Venue.MAX_SEATS) {
                line.error("seats", "timetable.venue.import.seats", FileErrors.echo(seatsText), Venue.MAX_SEATS);
            } else {
                seats = Integer.parseInt(seatsText);
            }
            if (code != null) {
                Long earlier = seen.putIfAbsent(code, line.line());
                if (earlier != null) {
                    line.error("code", "timetable.venue.import.duplicate", code, earlier);
                }
            }
            if (code != null && name != null && kind != null && seats != null) {
                drafts.add(new Venues.Draft(code, name, kind, seats, address));
            }
        });
        sheet.rejectIfErrors();
        return drafts;
    }
}
