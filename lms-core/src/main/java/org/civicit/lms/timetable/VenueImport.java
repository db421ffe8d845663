package org.civicit.lms.timetable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
 * written in one transaction; a line that changes nothing counts as unchanged. As on the
 * form, a venue's seats may not fall below what a session still to come there needs.
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

    /** A venue as one line of the file gives it. */
    record Line(long number, Venues.Draft draft) {
    }

    @Transactional
    public ImportResult apply(InputStream csv) {
        CsvSheet sheet = CsvSheet.open(csv, COLUMNS);
        List<Line> lines = read(sheet);
        Map<String, Venue> stored = venues.all().stream().collect(Collectors.toMap(Venue::getCode, venue -> venue));
        refuseTooFewSeats(sheet, lines, stored);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Line line : lines) {
            Venues.Draft draft = line.draft();
            String address = Venues.blankToNull(draft.address());
            Venue venue = stored.get(draft.code());
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

    /** Each session still to come that a line's fewer seats would leave short, on that line. */
    private void refuseTooFewSeats(CsvSheet sheet, List<Line> lines, Map<String, Venue> stored) {
        Map<Venue, Integer> fewer = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        for (Line line : lines) {
            Optional.ofNullable(stored.get(line.draft().code())).filter(venue -> line.draft().seats() < venue.getSeats())
                    .ifPresent(venue -> fewer.put(venue, line.draft().seats()));
            lineOf.put(line.draft().code(), line.number());
        }
        venues.shortfalls(fewer).forEach(shortfall -> sheet.error(lineOf.get(shortfall.venue().getCode()), "seats",
                "timetable.venue.seatsBelowSession", shortfall.arguments()));
        sheet.rejectIfErrors();
    }

    /** Every line of the file, or the file rejected with every problem found. */
    static List<Line> read(CsvSheet sheet) {
        List<Line> drafts = new ArrayList<>();
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
                drafts.add(new Line(line.line(), new Venues.Draft(code, name, kind, seats, address)));
            }
        });
        sheet.rejectIfErrors();
        return drafts;
    }
}
