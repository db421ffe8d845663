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

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.ContentHash;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;

/**
 * Private calendar feeds: each account may have one secret link that a calendar program reads
 * without logging in. Renewing it makes the old link stop working. The feed holds the sessions
 * of the classes the account's official sits in and of those it teaches, cancelled ones marked.
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

    /** The sessions of the feed with this secret, in time order; empty when no feed has it or its account may no longer log in. */
    public Optional<List<ClassSession>> sessions(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(CalendarFeed.BY_TOKEN, CalendarFeed.class)
                .setParameter("hash", ContentHash.sha256(token)).getResultStream().findFirst()
                .flatMap(feed -> accounts.find(feed.getUsername())).filter(Account::mayLogIn)
                .map(this::sessionsOf);
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
