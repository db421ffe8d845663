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
    // The class comes along: the feed is written after the request's persistence context closed.
    private static final String SEATED_EXAMS = "SELECT a FROM Assessment a LEFT JOIN FETCH a.offering WHERE " + WINDOW
            + " AND EXISTS (SELECT e FROM Enrolment e WHERE e.official.id = :official"
            + " AND e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)"
            + " AND (e.offering = a.offering OR (a.offering IS NULL AND e.offering.course = a.course)))";
    private static final String TAUGHT_EXAMS = "SELECT a FROM Assessment a LEFT JOIN FETCH a.offering WHERE " + WINDOW
            + " AND EXISTS (SELECT b FROM Assessment b JOIN b.instructors i WHERE b = a AND i = :username)";
    private static final String TAUGHT_CLASS_EXAMS = "SELECT a FROM Assessment a JOIN FETCH a.offering WHERE " + WINDOW
            + " AND EXISTS (SELECT o FROM Offering o JOIN o.instructors i WHERE o = a.offering AND i = :username)";

    /** What a feed holds: sessions and exam windows, each in time order. */
    public record Feed(List<ClassSession> sessions, List<Assessment> exams) {
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

    private List<Assessment> examsOf(Account account) {
        Map<Long, Assessment> exams = new LinkedHashMap<>();
        if (account.getOfficial() != null) {
            em.createQuery(SEATED_EXAMS, Assessment.class).setParameter("official", account.getOfficial().getId())
                    .getResultStream().forEach(a -> exams.put(a.getId(), a));
        }
        for (String taught : List.of(TAUGHT_EXAMS, TAUGHT_CLASS_EXAMS)) {
            em.createQuery(taught, Assessment.class).setParameter("username", account.getUsername())
                    .getResultStream().forEach(a -> exams.putIfAbsent(a.getId(), a));
        }
        return exams.values().stream()
                .sorted(Comparator.comparing(Assessment::getOpensAt).thenComparing(Assessment::getId)).toList();
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
