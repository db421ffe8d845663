package org.civicit.lms.timetable;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.ContentHash;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;

/**
 * Private calendar feeds: each account may have one secret link that a calendar program reads
 * without logging in. Renewing it makes the old link stop working. The feed holds the sessions
 * of the classes the account's official sits in and of those it teaches, cancelled ones marked,
 * and the windows of the exams it may sit (those of its classes, and those of their courses
 * given to no class) or teaches: each exam that has both an opening and a closing time.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private static final String SEATED = "SELECT s FROM ClassSession s JOIN FETCH s.venue JOIN FETCH s.offering o"
            + " WHERE EXISTS (SELECT e FROM Enrolment e WHERE e.offering = o AND e.official.id = :official"
            + " AND (e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)"
            + " OR (e.status = org.civicit.lms.enrolment.EnrolmentStatus.WITHDRAWN"
            + " AND o.status = org.civicit.lms.enrolment.OfferingStatus.CANCELLED)))";
    private static final String TAUGHT = "SELECT s FROM ClassSession s JOIN FETCH s.venue JOIN FETCH s.offering o"
            + " JOIN o.instructors i WHERE i = :username";

    private static final String WINDOW = "a.opensAt IS NOT NULL AND a.closesAt IS NOT NULL";
    private static final String HOLDS_SEAT = "(e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)"
            + " OR (e.status = org.civicit.lms.enrolment.EnrolmentStatus.WITHDRAWN"
            + " AND o.status = org.civicit.lms.enrolment.OfferingStatus.CANCELLED))";
    private static final String CLASS_EXAMS = "SELECT a FROM Assessment a, Enrolment e JOIN e.offering o"
            + " WHERE a.offering = o AND e.official.id = :official AND " + WINDOW + " AND " + HOLDS_SEAT;
    /** Exams of a course given to no class in particular, for those with a seat in a class of the course. */
    private static final String COURSE_EXAMS = "SELECT a FROM Assessment a, Enrolment e JOIN e.offering o"
            + " WHERE a.offering IS NULL AND a.course = o.course AND e.official.id = :official AND " + WINDOW
            + " AND " + HOLDS_SEAT;
    private static final String OWN_EXAMS = "SELECT a FROM Assessment a JOIN a.instructors i WHERE " + WINDOW
            + " AND i = :username";
    private static final String TAUGHT_CLASS_EXAMS = "SELECT a FROM Assessment a JOIN a.offering o"
            + " JOIN o.instructors i WHERE " + WINDOW + " AND i = :username";

    /** An exam's window as a calendar shows it, read while the request can still load its class. */
    public record ExamWindow(long id, String code, String title, OffsetDateTime opensAt, OffsetDateTime closesAt,
                             int timeLimitMinutes, long version, boolean cancelled) {

        static ExamWindow of(Assessment a) {
            return new ExamWindow(a.getId(), a.getCode(), a.getTitle(), a.getOpensAt(), a.getClosesAt(),
                    a.getTimeLimitMinutes(), a.getVersion(),
                    a.getOffering() != null && a.getOffering().getStatus() == OfferingStatus.CANCELLED);
        }
    }

    /** What a feed holds: sessions and exam windows, each in time order. */
    public record Feed(List<ClassSession> sessions, List<ExamWindow> exams) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** A new secret for the account's feed; the one before, if any, stops working. */
    @Transactional
    public String renew(String username) {
        if (username == null || accounts.find(username).isEmpty()) {
            throw new BusinessException.Forbidden("timetable.feed.noAccount");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = em.find(CalendarFeed.class, username);
        if (feed == null) {
            feed = new CalendarFeed(username);
            feed.renew(ContentHash.sha256(token), OffsetDateTime.now());
            em.persist(feed);
        } else {
            feed.renew(ContentHash.sha256(token), OffsetDateTime.now());
        }
        return token;
    }

    /** The feed with this secret; empty when no feed has it or its account may no longer log in. */
    public Optional<Feed> feed(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(CalendarFeed.BY_TOKEN, CalendarFeed.class)
                .setParameter("hash", ContentHash.sha256(token)).getResultStream().findFirst()
                .flatMap(feed -> accounts.find(feed.getUsername())).filter(Account::mayLogIn)
                .map(account -> new Feed(sessionsOf(account), examsOf(account)));
    }

    private List<ExamWindow> examsOf(Account account) {
        Map<Long, Assessment> exams = new LinkedHashMap<>();
        if (account.getOfficial() != null) {
            for (String seated : List.of(CLASS_EXAMS, COURSE_EXAMS)) {
                em.createQuery(seated, Assessment.class).setParameter("official", account.getOfficial().getId())
                        .getResultStream().forEach(a -> exams.putIfAbsent(a.getId(), a));
            }
        }
        for (String taught : List.of(OWN_EXAMS, TAUGHT_CLASS_EXAMS)) {
            em.createQuery(taught, Assessment.class).setParameter("username", account.getUsername())
                    .getResultStream().forEach(a -> exams.putIfAbsent(a.getId(), a));
        }
        return exams.values().stream().map(ExamWindow::of)
                .sorted(Comparator.comparing(ExamWindow::opensAt).thenComparing(ExamWindow::id)).toList();
    }

    private List<ClassSession> sessionsOf(Account account) {
        Map<Long, ClassSession> sessions = new LinkedHashMap<>();
        if (account.getOfficial() != null) {
            em.createQuery(SEATED, ClassSession.class).setParameter("official", account.getOfficial().getId())
                    .getResultStream().forEach(s -> sessions.put(s.getId(), s));
        }
        em.createQuery(TAUGHT, ClassSession.class).setParameter("username", account.getUsername())
                .getResultStream().forEach(s -> sessions.putIfAbsent(s.getId(), s));
        return sessions.values().stream()
                .sorted(Comparator.comparing(ClassSession::getStartsAt).thenComparing(ClassSession::getId)).toList();
    }
}
