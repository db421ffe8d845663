package org.civicit.lms.timetable;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.BusinessException;

/**
 * The sessions of classes. A venue holds one session at a time: the venues a new session
 * uses are locked while the clash is checked, so two requests never book one venue twice.
 */
@ApplicationScoped
public class Timetable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Enrolments enrolments;

    @Inject
    Venues venues;

    @Inject
    AttendanceRegister register;

    @Inject
    AuditLog audit;

    /** A session and how many were marked at it, and how many of those came. */
    public record SessionCounts(ClassSession session, int marked, int attended) {
    }

    /**
     * Adds a session to a class: the admin, the HR that opened the class and its instructors may.
     * The venue must be free for the whole span, and seat everyone who holds a seat in the class
     * (with the joined video-conference points).
     */
    @Transactional
    public ClassSession add(String offeringCode, LocalDateTime startsAt, LocalDateTime endsAt, String venueCode,
            List<String> videoPointCodes, String by, boolean admin) {
        Offering offering = runBy(offeringCode, by, admin);
        if (offering.getStatus() == OfferingStatus.CANCELLED) {
            throw new BusinessException.Conflict("timetable.session.cancelledClass", offeringCode);
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new BusinessException.Invalid("timetable.session.times");
        }
        if (!endsAt.toLocalDate().equals(startsAt.toLocalDate())) {
            throw new BusinessException.Invalid("timetable.session.oneDay");
        }
        if (venueCode == null || venueCode.isBlank()) {
            throw new BusinessException.Invalid("timetable.session.venueRequired");
        }
        Venue venue = venues.find(venueCode)
                .orElseThrow(() -> new BusinessException.Invalid("timetable.session.unknownVenue", venueCode));
        Set<Venue> points = new LinkedHashSet<>();
        for (String code : videoPointCodes == null ? List.<String>of() : videoPointCodes) {
            Venue point = venues.find(String.valueOf(code))
                    .orElseThrow(() -> new BusinessException.Invalid("timetable.session.unknownVenue", code));
            if (point.getKind() != VenueKind.VIDEO_POINT) {
                throw new BusinessException.Invalid("timetable.session.notAVideoPoint", point.getCode(),
                        point.getName());
            }
            if (point.getCode().equals(venue.getCode()) || !points.add(point)) {
                throw new BusinessException.Invalid("timetable.session.pointTwice", point.getCode());
            }
        }
        List<Venue> used = new ArrayList<>(points);
        used.add(venue);
        // Locked in id order, so two bookings never wait on each other in a circle.
        used.sort(Comparator.comparing(Venue::getId));
        for (Venue v : used) {
            em.lock(v, LockModeType.PESSIMISTIC_WRITE);
        }
        ClassSession clash = clash(used, startsAt, endsAt);
        if (clash != null) {
            Offering other = clash.getOffering();
            throw new BusinessException.Conflict("timetable.session.venueTaken", clashingVenue(clash, used).getName(),
                    other.getCode(), other.getTitle(), WHEN.format(clash.getStartsAt()),
                    WHEN.format(clash.getEndsAt()));
        }
        long expected = enrolments.enrolledCount(offering);
        int seats = Booking.seats(venue, points);
        if (expected > seats) {
            throw new BusinessException.Invalid(points.isEmpty() ? "timetable.session.seats"
                    : "timetable.session.seatsWithPoints", expected, seats, venue.getName());
        }
        ClassSession session = new ClassSession(offering, startsAt, endsAt, venue, points);
        em.persist(session);
        em.flush();
        audit.record(AuditAction.SESSION_ADDED, "offering:" + offering.getCode() + "/session:" + session.getId(),
                Details.of("startsAt", startsAt.toString(), "venue", venue.getCode()));
        return session;
    }

    /**
     * Calls a session off, as those who plan it may. It stays, marked cancelled, so calendars
     * learn of it; it no longer counts for attendance, and a session already marked cannot be
     * called off. Calling it off again changes nothing.
     */
    @Transactional
    public ClassSession cancel(String offeringCode, long sessionId, String by, boolean admin) {
        Offering offering = runBy(offeringCode, by, admin);
        ClassSession session = sessionOf(offering, sessionId);
        if (session.isCancelled()) {
            return session;
        }
        long marked = em.createNamedQuery(Attendance.COUNT_OF_SESSION, Long.class)
                .setParameter("session", session.getId()).getSingleResult();
        if (marked > 0) {
            throw new BusinessException.Conflict("timetable.session.marked", WHEN.format(session.getStartsAt()), marked);
        }
        session.cancel();
        em.flush();
        audit.record(AuditAction.SESSION_CANCELLED, "offering:" + offering.getCode() + "/session:" + session.getId(),
                null);
        register.followEveryone(offering);
        return session;
    }

    /** A session of the class, locked; {@code 404} when the class has no such session. */
    ClassSession sessionOf(Offering offering, long sessionId) {
        ClassSession session = em.find(ClassSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.getOffering().getId().equals(offering.getId())) {
            throw new BusinessException.NotFound("timetable.session.notFound", sessionId, offering.getCode());
        }
        return session;
    }

    /** A session of the class, as it stands; {@code 404} when the class has no such session. */
    ClassSession find(Offering offering, long sessionId) {
        ClassSession session = em.find(ClassSession.class, sessionId);
        if (session == null || !session.getOffering().getId().equals(offering.getId())) {
            throw new BusinessException.NotFound("timetable.session.notFound", sessionId, offering.getCode());
        }
        return session;
    }

    /**
     * The classes whose attendance the caller marks: those it teaches, for the admin every class
     * with a session; none cancelled; the latest first.
     */
    public List<Offering> toMark(String username, boolean admin) {
        String notCancelled = " o.status <> org.civicit.lms.enrolment.OfferingStatus.CANCELLED";
        String order = " ORDER BY o.startsOn DESC, o.code";
        if (admin) {
            return em.createQuery("SELECT o FROM Offering o WHERE" + notCancelled
                    + " AND EXISTS (SELECT s FROM ClassSession s WHERE s.offering = o)" + order, Offering.class)
                    .getResultList();
        }
        return em.createQuery("SELECT DISTINCT o FROM Offering o JOIN o.instructors i WHERE i = :username AND"
                + notCancelled + order, Offering.class).setParameter("username", username).getResultList();
    }

    /**
     * The first session not over yet of the classes whose attendance the caller marks (running
     * now, else the next): the one an instructor opening the tick list most likely wants.
     */
    public Optional<ClassSession> next(String username, boolean admin, LocalDateTime now) {
        String taught = admin ? "" : " JOIN o.instructors i WHERE i = :username AND";
        var query = em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.offering o" + (admin ? " WHERE" : taught)
                + " s.cancelled = false AND s.endsAt > :now"
                + " AND o.status <> org.civicit.lms.enrolment.OfferingStatus.CANCELLED ORDER BY s.startsAt, s.id",
                ClassSession.class).setParameter("now", now).setMaxResults(1);
        if (!admin) {
            query.setParameter("username", username);
        }
        return query.getResultStream().findFirst();
    }

    /** A class's sessions in time order, with their attendance counts. */
    public List<SessionCounts> sessions(String offeringCode, String by, boolean admin) {
        Offering offering = runBy(offeringCode, by, admin);
        Map<Long, int[]> counts = new HashMap<>();
        em.createNamedQuery(Attendance.OF_OFFERING, Attendance.class).setParameter("offering", offering)
                .getResultStream().forEach(a -> {
                    int[] count = counts.computeIfAbsent(a.getSessionId(), id -> new int[2]);
                    count[0]++;
                    if (a.getStatus().attended()) {
                        count[1]++;
                    }
                });
        return of(offering).stream().map(s -> {
            int[] count = counts.getOrDefault(s.getId(), new int[2]);
            return new SessionCounts(s, count[0], count[1]);
        }).toList();
    }

    /**
     * A class's sessions for its calendar: those who run the class may have it, and trainees
     * with a seat in it (or who had one when the class was cancelled).
     */
    public List<ClassSession> forCalendar(String offeringCode, String by, boolean admin, Long officialId) {
        Offering offering = enrolments.offering(offeringCode);
        if (!admin && !offering.isRunBy(by) && !(officialId != null && seated(offering, officialId))) {
            throw new BusinessException.Forbidden("timetable.calendar.notYours", offeringCode);
        }
        return of(offering);
    }

    private boolean seated(Offering offering, long officialId) {
        return em.createQuery("SELECT e.status FROM Enrolment e WHERE e.offering = :offering AND e.official.id = :official",
                        EnrolmentStatus.class).setParameter("offering", offering).setParameter("official", officialId)
                .getResultStream().anyMatch(status -> status.holdsSeat() || (status == EnrolmentStatus.WITHDRAWN
                        && offering.getStatus() == OfferingStatus.CANCELLED));
    }

    /** A class's sessions in time order, cancelled ones too. */
    public List<ClassSession> of(Offering offering) {
        return em.createNamedQuery(ClassSession.OF_OFFERING, ClassSession.class).setParameter("offering", offering)
                .getResultList();
    }

    /** The class, if the caller runs it: the admin, the HR that opened it, its instructors. */
    Offering runBy(String offeringCode, String by, boolean admin) {
        Offering offering = enrolments.offering(offeringCode);
        if (!admin && !offering.isRunBy(by)) {
            throw new BusinessException.Forbidden("timetable.class.notYours", offeringCode);
        }
        return offering;
    }

    private ClassSession clash(List<Venue> used, LocalDateTime startsAt, LocalDateTime endsAt) {
        // The query narrows to the days around the span; the rule decides.
        return em.createNamedQuery(ClassSession.USING_VENUES, ClassSession.class)
                .setParameter("venues", used.stream().map(Venue::getId).toList())
                .setParameter("from", startsAt.toLocalDate().atStartOfDay())
                .setParameter("until", endsAt.toLocalDate().plusDays(1).atStartOfDay())
                .getResultStream()
                .filter(s -> Booking.overlaps(startsAt, endsAt, s.getStartsAt(), s.getEndsAt()))
                .min(Comparator.comparing(ClassSession::getStartsAt))
                .orElse(null);
    }

    private static Venue clashingVenue(ClassSession clash, List<Venue> used) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(clash.getVenue().getCode());
        clash.getVideoPoints().forEach(p -> codes.add(p.getCode()));
        return used.stream().filter(v -> codes.contains(v.getCode())).findFirst().orElse(clash.getVenue());
    }
}
