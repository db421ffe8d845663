package org.civicit.lms.timetable;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.civicit.lms.catalog.Course;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.enrolment.CourseAttendance;
import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;

/**
 * Who came to each session, and what it means for the course: marks are written with the
 * trainees' rows locked, then course progress is told whether each can still reach the
 * class's minimum share. Answers {@link CourseAttendance} for completion.
 */
@ApplicationScoped
public class AttendanceRegister implements CourseAttendance {

    private static final String SEATS = "SELECT e FROM Enrolment e JOIN FETCH e.official o WHERE e.offering = :offering"
            + " AND e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)"
            + " ORDER BY o.employeeCode";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Timetable timetable;

    @Inject
    CourseProgress progress;

    @Inject
    AuditLog audit;

    /** One trainee's mark at a session. */
    public record Mark(String employeeCode, AttendanceStatus status) {
    }

    /** A trainee with a seat and its mark at one session, {@code null} when not marked yet. */
    public record SheetLine(Official official, AttendanceStatus status) {
    }

    /** A trainee's line of the class's attendance. */
    public record Line(Enrolment seat, AttendanceShare share) {
    }

    /**
     * Marks trainees at a session: the admin and the class's instructors may, and only for
     * officials with a seat in the class. Marking again replaces the mark.
     *
     * @return how many marks are new, changed, and the same as before
     */
    @Transactional
    public ImportResult mark(String offeringCode, long sessionId, List<Mark> marks, String by, boolean admin) {
        ClassSession session = markable(offeringCode, sessionId, by, admin);
        Offering offering = session.getOffering();
        if (marks == null || marks.isEmpty()) {
            throw new BusinessException.Invalid("timetable.attendance.empty");
        }
        Map<String, Official> seated = seated(offering);
        Set<String> seen = new HashSet<>();
        for (Mark mark : marks) {
            if (mark == null || mark.employeeCode() == null || mark.status() == null) {
                throw new BusinessException.Invalid("timetable.attendance.incomplete");
            }
            if (!seated.containsKey(mark.employeeCode())) {
                throw new BusinessException.Invalid("timetable.attendance.noSeat", mark.employeeCode(), offeringCode);
            }
            if (!seen.add(mark.employeeCode())) {
                throw new BusinessException.Invalid("timetable.attendance.twice", mark.employeeCode());
            }
        }
        List<Official> locked = lock(marks.stream().map(m -> seated.get(m.employeeCode())).toList());
        OffsetDateTime now = OffsetDateTime.now();
        int created = 0;
        int updated = 0;
        for (Mark mark : marks) {
            AttendanceStatus before = write(session, seated.get(mark.employeeCode()), mark.status(), by, now);
            if (before == null) {
                created++;
            } else if (before != mark.status()) {
                updated++;
            }
        }
        em.flush();
        audit.record(AuditAction.ATTENDANCE_MARKED, "offering:" + offering.getCode() + "/session:" + session.getId(),
                Details.of("marks", marks.size()));
        follow(offering, locked);
        return new ImportResult(created, updated, marks.size() - created - updated);
    }

    /**
     * The session, locked, if the caller may mark it: the admin and the class's instructors, and
     * not once it is called off.
     */
    ClassSession markable(String offeringCode, long sessionId, String by, boolean admin) {
        Offering offering = timetable.runBy(offeringCode, by, admin);
        if (!admin && !offering.isTaughtBy(by)) {
            throw new BusinessException.Forbidden("timetable.attendance.notInstructor", offeringCode);
        }
        ClassSession session = timetable.sessionOf(offering, sessionId);
        if (session.isCancelled()) {
            throw new BusinessException.Conflict("timetable.session.cancelled", sessionId);
        }
        return session;
    }

    /** The officials with a seat in the class, by employee code. */
    Map<String, Official> seated(Offering offering) {
        Map<String, Official> seated = new HashMap<>();
        seats(offering).forEach(e -> seated.put(e.getOfficial().getEmployeeCode(), e.getOfficial()));
        return seated;
    }

    /**
     * Gives every trainee with a seat who has no mark at the session yet the same mark, in one
     * step, as those who may mark; marks already given stay. Their rows are locked before the
     * marks are read, so a mark given meanwhile is never overwritten.
     *
     * @return how many were marked
     */
    @Transactional
    public int markUnmarked(String offeringCode, long sessionId, AttendanceStatus status, String by, boolean admin) {
        ClassSession session = markable(offeringCode, sessionId, by, admin);
        Offering offering = session.getOffering();
        if (status == null) {
            throw new BusinessException.Invalid("timetable.attendance.incomplete");
        }
        List<Official> locked = lock(seats(offering).stream().map(Enrolment::getOfficial).toList());
        Map<Long, AttendanceStatus> marked = marks(session.getId());
        List<Official> unmarked = locked.stream().filter(o -> !marked.containsKey(o.getId())).toList();
        if (unmarked.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now();
        unmarked.forEach(official -> write(session, official, status, by, now));
        em.flush();
        audit.record(AuditAction.ATTENDANCE_MARKED, "offering:" + offering.getCode() + "/session:" + session.getId(),
                Details.of("marks", unmarked.size(), "unmarkedOnly", true));
        follow(offering, unmarked);
        return unmarked.size();
    }

    /**
     * A trainee checks itself in: present, when it has no mark at the session yet. A mark
     * already given stays, as the instructor's word is the record.
     *
     * @return the mark it had before, {@code null} when this check-in marked it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    AttendanceStatus checkIn(Offering offering, ClassSession session, Official official, String by) {
        Official locked = lock(List.of(official)).get(0);
        Attendance before = em.find(Attendance.class, new Attendance.Key(session.getId(), locked.getId()));
        if (before != null) {
            return before.getStatus();
        }
        write(session, locked, AttendanceStatus.PRESENT, by, OffsetDateTime.now());
        em.flush();
        audit.record(AuditAction.ATTENDANCE_MARKED, "offering:" + offering.getCode() + "/session:" + session.getId(),
                Details.of("marks", 1, "checkIn", locked.getEmployeeCode()));
        follow(offering, List.of(locked));
        return null;
    }

    /** Gives one mark; returns the mark it replaced, {@code null} when there was none. */
    private AttendanceStatus write(ClassSession session, Official official, AttendanceStatus status, String by,
            OffsetDateTime now) {
        Attendance.Key key = new Attendance.Key(session.getId(), official.getId());
        Attendance attendance = em.find(Attendance.class, key);
        if (attendance == null) {
            attendance = new Attendance(session.getId(), official.getId());
            attendance.mark(status, by, now);
            em.persist(attendance);
            return null;
        }
        AttendanceStatus before = attendance.getStatus();
        attendance.mark(status, by, now);
        return before;
    }

    /** Whether the official holds a seat in the class (enrolled, or finished it either way). */
    boolean hasSeat(Offering offering, Official official) {
        return seats(offering).stream().anyMatch(e -> e.getOfficial().getId().equals(official.getId()));
    }

    /**
     * The session's tick list: every trainee with a seat in the class, by employee code, with its
     * mark ({@code null}: none yet). Those who run the class may read it.
     */
    public List<SheetLine> sheet(String offeringCode, long sessionId, String by, boolean admin) {
        Offering offering = timetable.runBy(offeringCode, by, admin);
        ClassSession session = timetable.find(offering, sessionId);
        Map<Long, AttendanceStatus> marked = marks(session.getId());
        return seats(offering).stream()
                .map(e -> new SheetLine(e.getOfficial(), marked.get(e.getOfficial().getId()))).toList();
    }

    private Map<Long, AttendanceStatus> marks(long sessionId) {
        Map<Long, AttendanceStatus> marked = new HashMap<>();
        em.createNamedQuery(Attendance.OF_SESSION, Attendance.class).setParameter("session", sessionId)
                .getResultStream().forEach(a -> marked.put(a.getOfficialId(), a.getStatus()));
        return marked;
    }

    /** After the class's sessions or its minimum share changed. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void followEveryone(Offering offering) {
        follow(offering, lock(seats(offering).stream().map(Enrolment::getOfficial).toList()));
    }

    private void follow(Offering offering, List<Official> officials) {
        // The share asked for as it stands once the trainees are locked: a change of it holds their locks too.
        em.refresh(offering);
        for (Official official : officials) {
            progress.followAttendance(official, offering, share(offering, official).unreachable());
        }
    }

    /** One change to an official's progress at a time, as course progress asks; in id order against deadlocks. */
    private List<Official> lock(List<Official> officials) {
        return officials.stream().sorted(Comparator.comparing(Official::getId))
                .map(o -> em.find(Official.class, o.getId(), LockModeType.PESSIMISTIC_WRITE)).toList();
    }

    /** Every trainee with a seat in the class, by employee code, with its share of the sessions. */
    public List<Line> report(String offeringCode, String by, boolean admin) {
        Offering offering = timetable.runBy(offeringCode, by, admin);
        int sessions = sessionCount(offering);
        Map<Long, int[]> counts = new HashMap<>();
        em.createNamedQuery(Attendance.OF_OFFERING, Attendance.class).setParameter("offering", offering)
                .getResultStream().forEach(a -> {
                    int[] count = counts.computeIfAbsent(a.getOfficialId(), id -> new int[2]);
                    count[0]++;
                    if (a.getStatus().attended()) {
                        count[1]++;
                    }
                });
        return seats(offering).stream().map(seat -> {
            int[] count = counts.getOrDefault(seat.getOfficial().getId(), new int[2]);
            return new Line(seat, new AttendanceShare(sessions, count[1], sessions - count[0],
                    offering.getMinAttendancePercent()));
        }).toList();
    }

    @Override
    public boolean met(Course course, Official official) {
        return em.createNamedQuery(Enrolment.SEATS_IN_COURSE, Enrolment.class).setParameter("official", official)
                .setParameter("course", course).getResultStream()
                .allMatch(seat -> share(seat.getOffering(), official).met());
    }

    /** One trainee's share of one class's sessions. */
    public AttendanceShare share(Offering offering, Official official) {
        int sessions = sessionCount(offering);
        List<Attendance> marks = em.createNamedQuery(Attendance.OF_OFFICIAL_IN_OFFERING, Attendance.class)
                .setParameter("offering", offering).setParameter("official", official.getId()).getResultList();
        int attended = (int) marks.stream().filter(a -> a.getStatus().attended()).count();
        return new AttendanceShare(sessions, attended, sessions - marks.size(), offering.getMinAttendancePercent());
    }

    private int sessionCount(Offering offering) {
        return em.createNamedQuery(ClassSession.COUNT_OF_OFFERING, Long.class).setParameter("offering", offering)
                .getSingleResult().intValue();
    }

    private List<Enrolment> seats(Offering offering) {
        return em.createQuery(SEATS, Enrolment.class).setParameter("offering", offering).getResultList();
    }

}
