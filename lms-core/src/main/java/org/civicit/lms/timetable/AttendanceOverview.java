package org.civicit.lms.timetable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Scope;

/**
 * Attendance read across classes: for HR, every class with sessions and the trainees of its
 * agency scope in it; for a trainee, its own sessions and marks. Reads only; marks are the
 * {@link AttendanceRegister}'s.
 */
@ApplicationScoped
public class AttendanceOverview {

    private static final String HELD_SEATS = " e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
            + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** A trainee's line: its seat and its share of the class's sessions. */
    public record Trainee(Enrolment seat, AttendanceShare share) {
    }

    /** A class with sessions, and the trainees in scope who hold a seat in it. */
    public record ClassAttendance(Offering offering, int sessions, List<Trainee> trainees) {

        /** Sessions attended over sessions marked, of the trainees listed, in percent; {@code null} before any mark. */
        public BigDecimal rate() {
            int marked = trainees.stream().mapToInt(t -> t.share().sessions() - t.share().unmarked()).sum();
            if (marked == 0) {
                return null;
            }
            int attended = trainees.stream().mapToInt(t -> t.share().attended()).sum();
            return BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(marked), 1, RoundingMode.HALF_UP);
        }

        public long count(AttendanceStanding standing) {
            return trainees.stream().filter(t -> t.share().standing() == standing).count();
        }

        /** The trainees below the minimum: at risk or failed on attendance. */
        public List<Trainee> below() {
            return trainees.stream().filter(t -> t.share().standing() != AttendanceStanding.ON_TRACK).toList();
        }
    }

    /** One session of a trainee's class and its mark, {@code null} while not marked. */
    public record SessionMark(ClassSession session, AttendanceStatus status) {
    }

    /** A trainee's class: its sessions with the trainee's marks, and its share. */
    public record TraineeClass(Enrolment seat, List<SessionMark> sessions, AttendanceShare share) {
    }

    /**
     * Every class with at least one session held or planned, newest first, with the trainees of
     * the scope who hold a seat in it (those of other agencies are not counted nor shown).
     */
    public List<ClassAttendance> inScope(Scope scope) {
        List<Enrolment> seats = em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.official o JOIN o.agency a"
                + " JOIN FETCH e.offering f WHERE" + HELD_SEATS + " AND a.path LIKE :scope AND EXISTS (SELECT s FROM"
                + " ClassSession s WHERE s.offering = f AND s.cancelled = false)"
                + " ORDER BY f.startsOn DESC, f.code, o.employeeCode", Enrolment.class)
                .setParameter("scope", scope.pathPattern()).getResultList();
        if (seats.isEmpty()) {
            return List.of();
        }
        List<Long> offeringIds = seats.stream().map(e -> e.getOffering().getId()).distinct().toList();
        Map<Long, Integer> sessions = new HashMap<>();
        em.createQuery("SELECT s.offering.id, COUNT(s) FROM ClassSession s WHERE s.cancelled = false"
                + " AND s.offering.id IN :offerings GROUP BY s.offering.id", Object[].class)
                .setParameter("offerings", offeringIds).getResultStream()
                .forEach(row -> sessions.put((Long) row[0], ((Number) row[1]).intValue()));
        // Marks counted per class and trainee: [marked, attended].
        Map<List<Long>, int[]> marks = new HashMap<>();
        em.createQuery("SELECT s.offering.id, a.officialId, a.status FROM Attendance a, ClassSession s"
                + " WHERE s.id = a.sessionId AND s.cancelled = false AND s.offering.id IN :offerings", Object[].class)
                .setParameter("offerings", offeringIds).getResultStream().forEach(row -> {
                    int[] count = marks.computeIfAbsent(List.of((Long) row[0], (Long) row[1]), k -> new int[2]);
                    count[0]++;
                    if (((AttendanceStatus) row[2]).attended()) {
                        count[1]++;
                    }
                });
        Map<Long, List<Trainee>> byClass = new LinkedHashMap<>();
        Map<Long, Offering> offerings = new HashMap<>();
        for (Enrolment seat : seats) {
            Offering offering = seat.getOffering();
            offerings.put(offering.getId(), offering);
            int held = sessions.getOrDefault(offering.getId(), 0);
            int[] count = marks.getOrDefault(List.of(offering.getId(), seat.getOfficial().getId()), new int[2]);
            byClass.computeIfAbsent(offering.getId(), id -> new ArrayList<>()).add(new Trainee(seat,
                    new AttendanceShare(held, count[1], held - count[0], offering.getMinAttendancePercent())));
        }
        List<ClassAttendance> classes = new ArrayList<>();
        byClass.forEach((id, trainees) -> classes.add(new ClassAttendance(offerings.get(id),
                sessions.getOrDefault(id, 0), trainees)));
        return classes;
    }

    /** The trainee's seats in classes of a course, each with its sessions in time order and the trainee's marks. */
    public List<TraineeClass> ofTrainee(String courseCode, Official official) {
        List<Enrolment> seats = em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.offering f WHERE"
                + " e.official = :official AND f.course.code = :course AND" + HELD_SEATS + " ORDER BY f.startsOn",
                Enrolment.class).setParameter("official", official).setParameter("course", courseCode)
                .getResultList();
        List<TraineeClass> classes = new ArrayList<>();
        for (Enrolment seat : seats) {
            Offering offering = seat.getOffering();
            Map<Long, AttendanceStatus> marks = new HashMap<>();
            em.createNamedQuery(Attendance.OF_OFFICIAL_IN_OFFERING, Attendance.class)
                    .setParameter("offering", offering).setParameter("official", official.getId())
                    .getResultStream().forEach(a -> marks.put(a.getSessionId(), a.getStatus()));
            List<SessionMark> sessions = em.createNamedQuery(ClassSession.OF_OFFERING, ClassSession.class)
                    .setParameter("offering", offering).getResultStream()
                    .map(s -> new SessionMark(s, marks.get(s.getId()))).toList();
            int held = (int) sessions.stream().filter(s -> !s.session().isCancelled()).count();
            int attended = (int) marks.values().stream().filter(AttendanceStatus::attended).count();
            classes.add(new TraineeClass(seat, sessions, new AttendanceShare(held, attended, held - marks.size(),
                    offering.getMinAttendancePercent())));
        }
        return classes;
    }
}
