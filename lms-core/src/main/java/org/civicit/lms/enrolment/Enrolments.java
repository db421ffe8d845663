package org.civicit.lms.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.csv.CsvLine;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;

/**
 * Classes and who sits in them. Every change to a class's list happens with the class's
 * row locked, so seats are never given twice, however many requests come at once, and
 * the line forms in the order the requests got the lock.
 */
@ApplicationScoped
public class Enrolments {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Roster roster;

    @Inject
    Catalog catalog;

    /** An enrolment, and whether this request made it. */
    public record Outcome(Enrolment enrolment, boolean created) {
    }

    /** Why an official cannot join, as a message key and its arguments. */
    public record Refusal(String employeeCode, String messageKey, List<Object> arguments) {
    }

    public record BulkResult(int enrolled, int waitlisted, int alreadyEnrolled, List<Refusal> ineligible) {
    }

    @Transactional
    public Offering open(String code, String courseCode, String title, LocalDate startsOn, LocalDate endsOn,
            int capacity, String place) {
        if (code == null || code.isBlank() || code.length() > CsvLine.CODE_LENGTH || !code.matches("[\\p{IsAlphabetic}\\p{Digit}._-]+")) {
            throw new BusinessException.Invalid("enrolment.offering.code", String.valueOf(code));
        }
        Course course = catalog.course(courseCode)
                .orElseThrow(() -> new BusinessException.Invalid("enrolment.offering.unknownCourse", courseCode));
        if (title == null || title.isBlank()) {
            throw new BusinessException.Invalid("enrolment.offering.title");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new BusinessException.Invalid("enrolment.offering.dates");
        }
        if (capacity < 1) {
            throw new BusinessException.Invalid("enrolment.offering.capacity");
        }
        if (find(code).isPresent()) {
            throw new BusinessException.Conflict("enrolment.offering.exists", code);
        }
        Offering offering = new Offering(code, course, title.strip(), startsOn, endsOn, capacity, place);
        em.persist(offering);
        return offering;
    }

    public Offering offering(String code) {
        return find(code).orElseThrow(() -> new BusinessException.NotFound("enrolment.offering.notFound", code));
    }

    @Transactional
    public Outcome enrol(Scope scope, String offeringCode, String employeeCode) {
        Official official = officialInScope(scope, employeeCode);
        Offering offering = lock(offeringCode);
        Enrolment existing = enrolmentOf(offering, official).orElse(null);
        if (existing != null && existing.isActive()) {
            return new Outcome(existing, false);
        }
        Refusal refusal = refusal(offering, official);
        if (refusal != null) {
            throw new BusinessException.Invalid(refusal.messageKey(), refusal.arguments().toArray());
        }
        Enrolment enrolment = existing != null ? existing : new Enrolment(offering, official);
        enrolment.join(enrolledCount(offering) < offering.getCapacity());
        if (existing == null) {
            em.persist(enrolment);
        }
        return new Outcome(enrolment, true);
    }

    /**
     * Enrols every official in scope that the filter picks, in employee-code order,
     * and tells who could not join and why. With {@code preview} nothing is written.
     */
    @Transactional
    public BulkResult enrolAll(Scope scope, String offeringCode, OfficialQuery filter, boolean preview) {
        Offering offering = lock(offeringCode);
        Map<Long, Enrolment> existing = new HashMap<>();
        em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.official WHERE e.offering = :offering", Enrolment.class)
                .setParameter("offering", offering).getResultStream()
                .forEach(e -> existing.put(e.getOfficial().getId(), e));
        long seatsTaken = enrolledCount(offering);
        int enrolled = 0;
        int waitlisted = 0;
        int already = 0;
        List<Refusal> ineligible = new ArrayList<>();
        for (Official official : roster.allOfficials(scope, filter)) {
            Enrolment enrolment = existing.get(official.getId());
            if (enrolment != null && enrolment.isActive()) {
                already++;
                continue;
            }
            Refusal refusal = refusal(offering, official);
            if (refusal != null) {
                ineligible.add(refusal);
                continue;
            }
            boolean seatFree = seatsTaken < offering.getCapacity();
            if (seatFree) {
                seatsTaken++;
                enrolled++;
            } else {
                waitlisted++;
            }
            if (!preview) {
                Enrolment joining = enrolment != null ? enrolment : new Enrolment(offering, official);
                joining.join(seatFree);
                if (enrolment == null) {
                    em.persist(joining);
                }
            }
        }
        return new BulkResult(enrolled, waitlisted, already, ineligible);
    }

    /** Enrolled first, then the waitlist in order; only officials in scope. */
    public List<Enrolment> classList(Scope scope, String offeringCode) {
        List<Enrolment> line = em.createNamedQuery(Enrolment.CLASS_LIST, Enrolment.class)
                .setParameter("offering", offering(offeringCode))
                .setParameter("scope", scope.pathPattern())
                .getResultList();
        List<Enrolment> ordered = new ArrayList<>(line.stream().filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED).toList());
        ordered.addAll(line.stream().filter(e -> e.getStatus() == EnrolmentStatus.WAITLISTED).toList());
        return ordered;
    }

    /** Takes an official off the class; when a seat frees up, the first in line takes it. */
    @Transactional
    public void withdraw(Scope scope, String offeringCode, String employeeCode) {
        Official official = officialInScope(scope, employeeCode);
        Offering offering = lock(offeringCode);
        Enrolment enrolment = enrolmentOf(offering, official)
                .orElseThrow(() -> new BusinessException.NotFound("enrolment.notEnrolled", employeeCode, offeringCode));
        boolean hadSeat = enrolment.getStatus() == EnrolmentStatus.ENROLLED;
        enrolment.withdraw();
        if (hadSeat) {
            em.flush();
            em.createNamedQuery(Enrolment.FIRST_WAITING, Enrolment.class).setParameter("offering", offering)
                    .setMaxResults(1).getResultStream().findFirst().ifPresent(Enrolment::promote);
        }
    }

    /** Why this official may not join, or {@code null} when they may. */
    static Refusal refusal(Offering offering, Official official) {
        Programme programme = offering.getCourse().getProgramme();
        if (!official.isActive()) {
            return new Refusal(official.getEmployeeCode(), "enrolment.ineligible.inactive", List.of());
        }
        if (!programme.admits(official.getPosition())) {
            return new Refusal(official.getEmployeeCode(), "enrolment.ineligible.position",
                    List.of(official.getPosition(), programme.getCode(), programme.getAdmittedPositions()));
        }
        return null;
    }

    private long enrolledCount(Offering offering) {
        return em.createNamedQuery(Enrolment.COUNT_ENROLLED, Long.class).setParameter("offering", offering)
                .getSingleResult();
    }

    public Optional<Offering> find(String code) {
        return em.createNamedQuery(Offering.FIND_BY_CODE, Offering.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    private Official officialInScope(Scope scope, String employeeCode) {
        return roster.official(scope, employeeCode)
                .orElseThrow(() -> new BusinessException.NotFound("roster.official.notFound", employeeCode));
    }

    private Optional<Enrolment> enrolmentOf(Offering offering, Official official) {
        return em.createNamedQuery(Enrolment.FIND, Enrolment.class)
                .setParameter("offering", offering).setParameter("official", official)
                .getResultStream().findFirst();
    }

    /** The offering, locked for the rest of the transaction. */
    private Offering lock(String code) {
        Long id = em.createQuery("SELECT o.id FROM Offering o WHERE o.code = :code", Long.class)
                .setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException.NotFound("enrolment.offering.notFound", code));
        return em.find(Offering.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
