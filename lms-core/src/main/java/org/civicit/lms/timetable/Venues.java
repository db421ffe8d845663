package org.civicit.lms.timetable;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.csv.CsvLine;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;

/** The halls, computer rooms and video-conference points the province holds sessions in. */
@ApplicationScoped
public class Venues {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Enrolments enrolments;

    /** How far ahead sessions are looked for: every session planned is within it. */
    private static final int COMING_YEARS = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A venue as given, checked: the same rules for the API and for each line of an import. */
    public record Draft(String code, String name, VenueKind kind, Integer seats, String address) {
    }

    @Transactional
    public Venue create(Draft draft) {
        String problem = problem(draft);
        if (problem != null) {
            throw new BusinessException.Invalid(problem, argument(problem, draft));
        }
        if (find(draft.code()).isPresent()) {
            throw new BusinessException.Conflict("timetable.venue.exists", draft.code());
        }
        Venue venue = new Venue(draft.code(), draft.name().strip(), draft.kind(), draft.seats(),
                blankToNull(draft.address()));
        em.persist(venue);
        audit.record(AuditAction.VENUE_CREATED, "venue:" + venue.getCode(),
                Details.of("kind", venue.getKind().name(), "seats", venue.getSeats()));
        return venue;
    }

    /**
     * Changes a venue's name, seats and address; its code and kind stay. The seats may not
     * fall below what a session still to come there needs: the venue is locked as a booking
     * locks it, so no session slips in while this is checked.
     */
    @Transactional
    public Venue change(String code, String name, Integer seats, String address) {
        Venue venue = find(String.valueOf(code))
                .orElseThrow(() -> new BusinessException.NotFound("timetable.venue.notFound", code));
        Draft draft = new Draft(venue.getCode(), name, venue.getKind(), seats, address);
        String problem = problem(draft);
        if (problem != null) {
            throw new BusinessException.Invalid(problem, argument(problem, draft));
        }
        shortfalls(Map.of(venue, seats)).stream().findFirst().ifPresent(shortfall -> {
            throw new BusinessException.Invalid("timetable.venue.seatsBelowSession", shortfall.arguments());
        });
        venue.change(draft.name().strip(), venue.getKind(), seats, blankToNull(address));
        audit.record(AuditAction.VENUE_CHANGED, "venue:" + venue.getCode(), Details.of("seats", seats));
        return venue;
    }

    /** A session still to come that a venue with fewer seats would no longer seat, as the refusal names it. */
    public record Shortfall(Venue venue, int seats, String offering, String startsAt, long expected) {

        public Object[] arguments() {
            return new Object[] {seats, offering, startsAt, expected};
        }
    }

    /**
     * The sessions still to come that would not seat their class were these venues to have
     * these seats, each with one of its venues that would. The venues are locked as a
     * booking locks them, so no session slips in while this is checked.
     */
    public List<Shortfall> shortfalls(Map<Venue, Integer> seats) {
        if (seats.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> seatsByCode = new HashMap<>();
        seats.forEach((venue, count) -> {
            em.lock(venue, LockModeType.PESSIMISTIC_WRITE);
            seatsByCode.put(venue.getCode(), count);
        });
        LocalDateTime now = LocalDateTime.now(Today.VIETNAM);
        List<Shortfall> shortfalls = new ArrayList<>();
        em.createNamedQuery(ClassSession.USING_VENUES, ClassSession.class)
                .setParameter("venues", seats.keySet().stream().map(Venue::getId).toList()).setParameter("from", now)
                .setParameter("until", now.plusYears(COMING_YEARS)).getResultStream()
                .sorted(Comparator.comparing(ClassSession::getStartsAt))
                .forEach(session -> {
                    long expected = enrolments.enrolledCount(session.getOffering());
                    if (expected > Booking.seatsIfChanged(session, seatsByCode)) {
                        Venue changed = Stream.concat(Stream.of(session.getVenue()), session.getVideoPoints().stream())
                                .filter(seats::containsKey).findFirst().orElseThrow();
                        shortfalls.add(new Shortfall(changed, seats.get(changed), session.getOffering().getCode(),
                                WHEN.format(session.getStartsAt()), expected));
                    }
                });
        return shortfalls;
    }

    public List<Venue> all() {
        return em.createNamedQuery(Venue.ALL, Venue.class).getResultList();
    }

    public Optional<Venue> find(String code) {
        return em.createNamedQuery(Venue.FIND_BY_CODE, Venue.class).setParameter("code", code).getResultStream()
                .findFirst();
    }

    /** The message key of what is wrong with a draft, or {@code null} when nothing is. */
    static String problem(Draft draft) {
        if (draft.code() == null || draft.code().isBlank() || draft.code().length() > CsvLine.CODE_LENGTH
                || !draft.code().matches("[\\p{IsAlphabetic}\\p{Digit}._-]+")) {
            return "timetable.venue.code";
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > Venue.NAME_LENGTH) {
            return "timetable.venue.name";
        }
        if (draft.kind() == null) {
            return "timetable.venue.kind";
        }
        if (draft.seats() == null || draft.seats() < 1 || draft.seats() > Venue.MAX_SEATS) {
            return "timetable.venue.seats";
        }
        if (draft.address() != null && draft.address().strip().length() > Venue.ADDRESS_LENGTH) {
            return "timetable.venue.address";
        }
        return null;
    }

    static Object[] argument(String problem, Draft draft) {
        return switch (problem) {
            case "timetable.venue.code" -> new Object[] {String.valueOf(draft.code())};
            case "timetable.venue.name" -> new Object[] {Venue.NAME_LENGTH};
            case "timetable.venue.seats" -> new Object[] {Venue.MAX_SEATS};
            case "timetable.venue.address" -> new Object[] {Venue.ADDRESS_LENGTH};
            default -> new Object[0];
        };
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
