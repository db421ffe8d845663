package org.civicit.lms.enrolment;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.csv.CsvLine;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Role;
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

    @Inject
    Accounts accounts;

    @Inject
    Event<EnrolmentChanged> changes;

    @Inject
    AuditLog audit;

    @Inject
    CourseAttendance attendance;

    /** An enrolment, and whether this request made it. */
    public record Outcome(Enrolment enrolment, boolean created) {
    }

    /** Why an official cannot join, as a message key and its arguments. */
    public record Refusal(String employeeCode, String messageKey, List<Object> arguments) implements Serializable {
    }

    public record BulkResult(int enrolled, int waitlisted, int alreadyEnrolled, List<Refusal> ineligible)
            implements Serializable {
    }

    /** Programmes whose classes ask for a share of their sessions attended unless HR says otherwise. */
    private static final Set<String> ATTENDANCE_PROGRAMMES = Set.of("CIO", "IT-SPECIALIST");
    /** The share they ask for. */
    public static final int DEFAULT_MIN_ATTENDANCE_PERCENT = 80;

    @Transactional
    public Offering open(String code, String courseCode, String title, LocalDate startsOn, LocalDate endsOn,
            int capacity, String place, OfferingTerms terms, String openedBy) {
        return open(code, courseCode, title, startsOn, endsOn, capacity, place, terms, null, openedBy);
    }

    /**
     * Opens a class; {@code minAttendancePercent} is the share of its sessions a trainee must
     * attend, by default {@value #DEFAULT_MIN_ATTENDANCE_PERCENT} for CIO and IT-SPECIALIST classes
     * and none for others.
     */
    @Transactional
    public Offering open(String code, String courseCode, String title, LocalDate startsOn, LocalDate endsOn,
            int capacity, String place, OfferingTerms terms, Integer minAttendancePercent, String openedBy) {
        if (code == null || code.isBlank() || code.length() > CsvLine.CODE_LENGTH || !code.matches("[\\p{IsAlphabetic}\\p{Digit}._-]+")) {
            throw new BusinessException.Invalid("enrolment.offering.code", String.valueOf(code));
        }
        Course course = catalog.course(courseCode)
                .orElseThrow(() -> new BusinessException.Invalid("enrolment.offering.unknownCourse", courseCode));
        checkDetails(title, startsOn, endsOn, capacity, place, terms);
        checkMinAttendance(minAttendancePercent);
        if (find(code).isPresent()) {
            throw new BusinessException.Conflict("enrolment.offering.exists", code);
        }
        Offering offering = new Offering(code, course, title.strip(), startsOn, endsOn, capacity, place, terms,
                openedBy);
        offering.minAttendancePercent(minAttendancePercent != null ? minAttendancePercent
                : ATTENDANCE_PROGRAMMES.contains(course.getProgramme().getCode()) ? DEFAULT_MIN_ATTENDANCE_PERCENT
                : null);
        em.persist(offering);
        audit.record(AuditAction.CLASS_OPENED, code, null);
        return offering;
    }

    /**
     * Changes a class's details: the admin any class, HR the classes it opened. The course
     * stays; a cancelled class stays as it was. The capacity cannot fall below the seats
     * already held; when it rises on an open class, the first in line take the new seats.
     * A new minimum share of sessions ({@code null}: none) counts for every trainee at once:
     * one who can no longer reach it fails the class, one who now meets it studies on or
     * completes; a course already completed stays completed.
     */
    @Transactional
    public Offering edit(String offeringCode, String title, LocalDate startsOn, LocalDate endsOn, int capacity,
            String place, OfferingTerms terms, Integer minAttendancePercent, String by, boolean admin) {
        Offering offering = lock(offeringCode);
        if (!admin && !by.equals(offering.getOpenedBy())) {
            throw new BusinessException.Forbidden("enrolment.offering.notYours", offeringCode);
        }
        if (offering.getStatus() == OfferingStatus.CANCELLED) {
            throw new BusinessException.Conflict("enrolment.offering.cancelled", offeringCode);
        }
        checkDetails(title, startsOn, endsOn, capacity, place, terms);
        checkMinAttendance(minAttendancePercent);
        long seated = enrolledCount(offering);
        if (capacity < seated) {
            throw new BusinessException.Invalid("enrolment.offering.capacityBelowSeats", capacity, seated);
        }
        offering.change(title.strip(), startsOn, endsOn, capacity, place, terms);
        Integer minAttendanceBefore = offering.getMinAttendancePercent();
        boolean minAttendanceChanged = !Objects.equals(minAttendanceBefore, minAttendancePercent);
        audit.record(AuditAction.CLASS_CHANGED, offeringCode, minAttendanceChanged
                ? Details.of("minAttendancePercentBefore", minAttendanceBefore, "minAttendancePercent",
                        minAttendancePercent)
                : null);
        if (minAttendanceChanged) {
            offering.minAttendancePercent(minAttendancePercent);
            em.flush();
            attendance.followEveryone(offering);
        }
        if (offering.getStatus() == OfferingStatus.OPEN) {
            em.flush();
            em.createNamedQuery(Enrolment.FIRST_WAITING, Enrolment.class).setParameter("offering", offering)
                    .setMaxResults((int) (capacity - seated)).getResultStream().forEach(first -> {
                        first.promote();
                        changes.fire(new EnrolmentChanged(first, EnrolmentStatus.WAITLISTED));
                    });
        }
        return offering;
    }

    private static void checkMinAttendance(Integer percent) {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new BusinessException.Invalid("enrolment.offering.minAttendance", percent);
        }
    }

    private void checkDetails(String title, LocalDate startsOn, LocalDate endsOn, int capacity, String place,
            OfferingTerms terms) {
        if (title == null || title.isBlank()) {
            throw new BusinessException.Invalid("enrolment.offering.title");
        }
        if (title.strip().length() > Offering.TITLE_LENGTH) {
            throw new BusinessException.Invalid("enrolment.offering.tooLong", "title", Offering.TITLE_LENGTH);
        }
        if (place != null && place.length() > Offering.PLACE_LENGTH) {
            throw new BusinessException.Invalid("enrolment.offering.tooLong", "place", Offering.PLACE_LENGTH);
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new BusinessException.Invalid("enrolment.offering.dates");
        }
        if (capacity < 1) {
            throw new BusinessException.Invalid("enrolment.offering.capacity");
        }
        if (terms.enrolFrom() != null && terms.enrolUntil() != null && terms.enrolUntil().isBefore(terms.enrolFrom())) {
            throw new BusinessException.Invalid("enrolment.offering.window");
        }
        for (String username : terms.instructors()) {
            if (username == null || accounts.find(username).map(a -> !a.getRoles().contains(Role.INSTRUCTOR)).orElse(true)) {
                throw new BusinessException.Invalid("enrolment.offering.unknownInstructor", username);
            }
        }
    }

    public Offering offering(String code) {
        return find(code).orElseThrow(() -> new BusinessException.NotFound("enrolment.offering.notFound", code));
    }

    @Transactional
    public Outcome enrol(Scope scope, String offeringCode, String employeeCode) {
        Official official = officialInScope(scope, employeeCode);
        Offering offering = lock(offeringCode);
        Enrolment existing = enrolmentOf(offering, official).orElse(null);
        if (existing != null && existing.isActive() && existing.getStatus() != EnrolmentStatus.REQUESTED) {
            return new Outcome(existing, false);
        }
        requireOpen(offering);
        return audited(AuditAction.ENROLLED, place(offering, official, existing, false));
    }

    /**
     * A trainee asks to join a class, within its enrolment window: where HR approves
     * requests it waits as REQUESTED, else it takes a seat or a place in line at once.
     * Asking again returns the place already held.
     */
    @Transactional
    public Outcome request(String offeringCode, Official trainee) {
        Offering offering = lock(offeringCode);
        Official official = em.find(Official.class, trainee.getId());
        Enrolment existing = enrolmentOf(offering, official).orElse(null);
        if (existing != null && existing.isActive()) {
            return new Outcome(existing, false);
        }
        requireOpen(offering);
        if (!offering.takesRequestsOn(Today.date())) {
            throw new BusinessException.Conflict("enrolment.request.window", offering.getCode());
        }
        // Taken off a class, or refused, an official may ask again, but only HR lets them back in.
        boolean askOnly = offering.terms().needsApproval() || existing != null;
        return audited(AuditAction.ENROLMENT_REQUESTED, place(offering, official, existing, askOnly));
    }

    private Outcome audited(AuditAction action, Outcome outcome) {
        Enrolment enrolment = outcome.enrolment();
        audit.record(action, subject(enrolment), Details.of("status", enrolment.getStatus().name()));
        return outcome;
    }

    private static String subject(Enrolment enrolment) {
        return "offering:" + enrolment.getOffering().getCode() + "/official:" + enrolment.getOfficial().getEmployeeCode();
    }

    /**
     * Gives an eligible official a seat if one is free, else a place in line; a request
     * waiting for approval is approved in the place it was asked; with {@code askOnly} the
     * official only asks, and waits for HR.
     */
    private Outcome place(Offering offering, Official official, Enrolment existing, boolean askOnly) {
        Refusal refusal = refusal(offering, official);
        if (refusal != null) {
            throw new BusinessException.Invalid(refusal.messageKey(), refusal.arguments().toArray());
        }
        Enrolment enrolment = existing != null ? existing : new Enrolment(offering, official);
        EnrolmentStatus before = enrolment.getStatus();
        boolean seatFree = enrolledCount(offering) < offering.getCapacity();
        if (askOnly) {
            enrolment.request();
        } else if (before == EnrolmentStatus.REQUESTED) {
            enrolment.approve(seatFree);
        } else {
            enrolment.join(seatFree);
        }
        if (existing == null) {
            em.persist(enrolment);
        }
        changes.fire(new EnrolmentChanged(enrolment, before));
        return new Outcome(enrolment, true);
    }

    /**
     * HR's answer to a request: approved, it takes a seat if one is free, else waits in
     * the order it was asked; refused, it is withdrawn.
     */
    @Transactional
    public Enrolment decide(Scope scope, String offeringCode, String employeeCode, boolean approve) {
        Official official = officialInScope(scope, employeeCode);
        Offering offering = lock(offeringCode);
        Enrolment enrolment = enrolmentOf(offering, official)
                .filter(e -> e.getStatus() == EnrolmentStatus.REQUESTED)
                .orElseThrow(() -> new BusinessException.Conflict("enrolment.request.none", employeeCode, offeringCode));
        EnrolmentStatus before = enrolment.getStatus();
        if (approve) {
            requireOpen(offering);
            Refusal refusal = refusal(offering, official);
            if (refusal != null) {
                throw new BusinessException.Invalid(refusal.messageKey(), refusal.arguments().toArray());
            }
            enrolment.approve(enrolledCount(offering) < offering.getCapacity());
        } else {
            enrolment.withdraw();
        }
        changes.fire(new EnrolmentChanged(enrolment, before));
        audit.record(approve ? AuditAction.ENROLMENT_APPROVED : AuditAction.ENROLMENT_REFUSED, subject(enrolment),
                Details.of("status", enrolment.getStatus().name()));
        return enrolment;
    }

    /**
     * Opens, closes or cancels a class: the admin any class, HR the classes it opened.
     * Cancelling takes everyone still waiting or seated off the class, for good: a cancelled
     * class does not open again.
     */
    @Transactional
    public Offering status(String offeringCode, OfferingStatus status, String by, boolean admin) {
        Offering offering = lock(offeringCode);
        if (!admin && !by.equals(offering.getOpenedBy())) {
            throw new BusinessException.Forbidden("enrolment.offering.notYours", offeringCode);
        }
        if (offering.getStatus() == OfferingStatus.CANCELLED && status != OfferingStatus.CANCELLED) {
            throw new BusinessException.Conflict("enrolment.offering.cancelled", offeringCode);
        }
        offering.status(status);
        if (status == OfferingStatus.CANCELLED) {
            em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.official WHERE e.offering = :offering", Enrolment.class)
                    .setParameter("offering", offering).getResultStream()
                    .filter(e -> e.getStatus() == EnrolmentStatus.ENROLLED || e.getStatus() == EnrolmentStatus.WAITLISTED
                            || e.getStatus() == EnrolmentStatus.REQUESTED)
                    .forEach(enrolment -> {
                        EnrolmentStatus before = enrolment.getStatus();
                        enrolment.withdraw();
                        changes.fire(new EnrolmentChanged(enrolment, before));
                    });
        }
        return offering;
    }

    /** An official's places in classes, the latest class first. */
    public List<Enrolment> of(Official official) {
        return em.createNamedQuery(Enrolment.OF_OFFICIAL, Enrolment.class).setParameter("official", official)
                .getResultList();
    }

    /** Every class that takes enrolments, soonest first. */
    public List<Offering> openClasses() {
        return em.createNamedQuery(Offering.OPEN, Offering.class).getResultList();
    }

    /** The classes that take requests today, optionally of one course. */
    public List<Offering> openForRequests(String courseCode) {
        LocalDate today = Today.date();
        return em.createNamedQuery(Offering.OPEN, Offering.class).getResultStream()
                .filter(o -> courseCode == null || o.getCourse().getCode().equals(courseCode))
                .filter(o -> o.takesRequestsOn(today))
                .toList();
    }

    private static void requireOpen(Offering offering) {
        if (offering.getStatus() != OfferingStatus.OPEN) {
            throw new BusinessException.Conflict("enrolment.offering.notOpen", offering.getCode(), offering.getStatus());
        }
    }

    /**
     * Enrols every official in scope that the filter picks, in employee-code order,
     * and tells who could not join and why. With {@code preview} nothing is written.
     */
    @Transactional
    public BulkResult enrolAll(Scope scope, String offeringCode, OfficialQuery filter, boolean preview) {
        Offering offering = lock(offeringCode);
        requireOpen(offering);
        Map<Long, Enrolment> existing = new HashMap<>();
        em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.official WHERE e.offering = :offering", Enrolment.class)
                .setParameter("offering", offering).getResultStream()
                .forEach(e -> existing.put(e.getOfficial().getId(), e));
        long seatsTaken = enrolledCount(offering);
        int enrolled = 0;
        int waitlisted = 0;
        int already = 0;
        List<Refusal> ineligible = new ArrayList<>();
        Map<Long, Set<String>> completed = completedPrerequisites(offering, null);
        for (Official official : roster.allOfficials(scope, filter)) {
            Enrolment enrolment = existing.get(official.getId());
            if (enrolment != null && enrolment.isActive() && enrolment.getStatus() != EnrolmentStatus.REQUESTED) {
                already++;
                continue;
            }
            Refusal refusal = refusal(offering, official, completed);
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
                EnrolmentStatus before = joining.getStatus();
                if (before == EnrolmentStatus.REQUESTED) {
                    joining.approve(seatFree);
                } else {
                    joining.join(seatFree);
                }
                if (enrolment == null) {
                    em.persist(joining);
                }
                changes.fire(new EnrolmentChanged(joining, before));
            }
        }
        if (!preview) {
            audit.record(AuditAction.ENROLMENTS_BULK, "offering:" + offeringCode, Details.of("enrolled", enrolled,
                    "waitlisted", waitlisted, "alreadyEnrolled", already, "ineligible", ineligible.size()));
        }
        return new BulkResult(enrolled, waitlisted, already, ineligible);
    }

    /** Enrolled first, then the waitlist in order; only officials in scope. */
    public List<Enrolment> classList(Scope scope, String offeringCode) {
        List<Enrolment> line = em.createNamedQuery(Enrolment.CLASS_LIST, Enrolment.class)
                .setParameter("offering", offering(offeringCode))
                .setParameter("scope", scope.pathPattern())
                .getResultList();
        List<Enrolment> ordered = new ArrayList<>(line.stream().filter(e -> e.getStatus().holdsSeat()).toList());
        ordered.addAll(line.stream().filter(e -> e.getStatus() == EnrolmentStatus.WAITLISTED).toList());
        ordered.addAll(line.stream().filter(e -> e.getStatus() == EnrolmentStatus.REQUESTED).toList());
        return ordered;
    }

    /** Takes an official off the class; when a seat frees up, the first in line takes it. */
    @Transactional
    public void withdraw(Scope scope, String offeringCode, String employeeCode) {
        Official official = officialInScope(scope, employeeCode);
        Offering offering = lock(offeringCode);
        Enrolment enrolment = enrolmentOf(offering, official)
                .orElseThrow(() -> new BusinessException.NotFound("enrolment.notEnrolled", employeeCode, offeringCode));
        if (enrolment.getStatus() == EnrolmentStatus.COMPLETED || enrolment.getStatus() == EnrolmentStatus.FAILED) {
            throw new BusinessException.Conflict("enrolment.finished", employeeCode, offeringCode);
        }
        boolean hadSeat = enrolment.getStatus().holdsSeat();
        enrolment.withdraw();
        audit.record(AuditAction.WITHDRAWN, subject(enrolment), null);
        // A closed class runs with the list it has: no one moves up.
        if (hadSeat && offering.getStatus() == OfferingStatus.OPEN) {
            em.flush();
            em.createNamedQuery(Enrolment.FIRST_WAITING, Enrolment.class).setParameter("offering", offering)
                    .setMaxResults(1).getResultStream().findFirst().ifPresent(first -> {
                        first.promote();
                        changes.fire(new EnrolmentChanged(first, EnrolmentStatus.WAITLISTED));
                    });
        }
    }

    /** Why this official may not join this class, or {@code null} when they may. */
    public Refusal refusal(Offering offering, Official official) {
        return refusal(offering, official, completedPrerequisites(offering, official));
    }

    private Refusal refusal(Offering offering, Official official, Map<Long, Set<String>> completedPrerequisites) {
        Course course = offering.getCourse();
        return Eligibility.refusal(official.getEmployeeCode(), official.isActive(), official.getPosition(),
                course.getProgramme(), course.getPrerequisites(),
                completedPrerequisites.getOrDefault(official.getId(), Set.of()));
    }

    /** The prerequisite courses each official (or only {@code official}) has completed, by official id. */
    private Map<Long, Set<String>> completedPrerequisites(Offering offering, Official official) {
        List<String> prerequisites = offering.getCourse().getPrerequisites();
        Map<Long, Set<String>> completed = new HashMap<>();
        if (prerequisites.isEmpty()) {
            return completed;
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT c.officialId, co.code FROM CourseCompletion c, Course co"
                + " WHERE co.id = c.courseId AND co.code IN :codes"
                + (official == null ? "" : " AND c.officialId = :official"), Object[].class)
                .setParameter("codes", prerequisites);
        if (official != null) {
            query.setParameter("official", official.getId());
        }
        query.getResultStream()
                .forEach(row -> completed.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]));
        return completed;
    }

    /** The seats taken in a class: those enrolled, completed or failed. */
    public long enrolledCount(Offering offering) {
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
