package org.civicit.lms.timetable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.MailOnce;
import org.civicit.lms.platform.NoticeClaims;
import org.civicit.lms.platform.NoticeText;
import org.civicit.lms.platform.Today;
import org.civicit.lms.platform.Written;
import org.civicit.lms.roster.Official;

/**
 * The day before each session, an e-mail to every trainee with a seat in its class: when, where,
 * and the video-conference points that join it. Sent once per trainee and session, however many
 * nodes run this (see {@link MailOnce}).
 */
@ApplicationScoped
public class SessionReminders {

    public static final String KIND = "SESSION_REMINDER";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private static final String CANDIDATES = "SELECT s.id, s.startsAt, s.cancelled, o.status, e.status, off.id,"
            + " off.email, off.active FROM ClassSession s JOIN s.offering o, Enrolment e JOIN e.official off"
            + " WHERE e.offering = o AND s.startsAt >= :from AND s.startsAt < :until";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    MailOnce mail;

    /** This bean through its proxy, so that each read runs in a transaction of its own, and no send in one. */
    @Inject
    SessionReminders self;

    /** A trainee's place in the class of a session, as the query found it; {@link #due} decides. */
    public record SeatAtSession(long sessionId, LocalDateTime startsAt, boolean sessionCancelled,
                                OfferingStatus classStatus, EnrolmentStatus seat, long officialId, String email,
                                boolean active) {
    }

    /** The first moment of the sessions a run on this day reminds of: tomorrow's, in the province's time. */
    public static LocalDateTime from(LocalDate today) {
        return today.plusDays(1).atStartOfDay();
    }

    public static LocalDateTime until(LocalDate today) {
        return today.plusDays(2).atStartOfDay();
    }

    /**
     * Whether a trainee is reminded today of a session: it starts tomorrow, neither it nor its class
     * is cancelled, the trainee holds a seat (not waitlisted, asking or gone), is still in service
     * and has an address.
     */
    public static boolean due(SeatAtSession seat, LocalDate today) {
        return !seat.startsAt().isBefore(from(today)) && seat.startsAt().isBefore(until(today))
                && !seat.sessionCancelled() && seat.classStatus() != OfferingStatus.CANCELLED
                && seat.seat().holdsSeat() && seat.active() && seat.email() != null && !seat.email().isBlank();
    }

    /** Who is reminded today, by the rule above over the seats the query found. */
    public static List<SeatAtSession> select(List<SeatAtSession> candidates, LocalDate today) {
        return candidates.stream().filter(seat -> due(seat, today)).toList();
    }

    /**
     * Reminds everyone due of tomorrow's sessions who was not reminded yet.
     *
     * @return how many reminders this run sent
     */
    public int run(OffsetDateTime now) {
        if (!mail.enabled()) {
            return 0;
        }
        int sent = 0;
        for (SeatAtSession seat : self.due(now.atZoneSameInstant(Today.VIETNAM).toLocalDate())) {
            NoticeClaims.Key key = new NoticeClaims.Key(KIND, "session:" + seat.sessionId(),
                    "official:" + seat.officialId());
            sent += mail.send(key, now, () -> self.compose(seat)) ? 1 : 0;
        }
        return sent;
    }

    /** Who is due a reminder on this day, sent already or not. */
    @Transactional
    public List<SeatAtSession> due(LocalDate today) {
        List<SeatAtSession> candidates = em.createQuery(CANDIDATES, Object[].class)
                .setParameter("from", from(today)).setParameter("until", until(today)).getResultStream()
                .map(row -> new SeatAtSession(((Number) row[0]).longValue(), (LocalDateTime) row[1],
                        (Boolean) row[2], (OfferingStatus) row[3], (EnrolmentStatus) row[4],
                        ((Number) row[5]).longValue(), (String) row[6], (Boolean) row[7]))
                .toList();
        return select(candidates, today);
    }

    /** The reminder of one seat at one session, in the trainee's language. */
    @Transactional
    public Optional<MailOnce.Mail> compose(SeatAtSession seat) {
        ClassSession session = em.createQuery("SELECT s FROM ClassSession s JOIN FETCH s.venue JOIN FETCH s.offering"
                + " WHERE s.id = :id", ClassSession.class).setParameter("id", seat.sessionId()).getSingleResult();
        Official official = em.find(Official.class, seat.officialId());
        Locale locale = NoticeText.chosen(em.createQuery("SELECT a.language FROM Account a WHERE a.official.id = :id",
                String.class).setParameter("id", seat.officialId()).getResultStream().findFirst().orElse(null));
        Offering offering = session.getOffering();
        Venue venue = session.getVenue();
        String points = session.getVideoPoints().stream().map(Venue::getName).sorted()
                .collect(Collectors.joining(", "));
        Object[] arguments = {official.getFullName(), offering.getTitle(), offering.getCode(),
            Written.day(session.getStartsAt().toLocalDate()), HOUR.format(session.getStartsAt()),
            HOUR.format(session.getEndsAt()), venue.getName(), venue.getAddress() == null ? "-" : venue.getAddress(),
            points.isEmpty() ? "" : NoticeText.of(locale, "notice.reminder.points", points)};
        return Optional.of(new MailOnce.Mail(official.getEmail(), NoticeText.of(locale, "notice.reminder.subject",
                arguments), NoticeText.of(locale, "notice.reminder.body", arguments)));
    }
}
