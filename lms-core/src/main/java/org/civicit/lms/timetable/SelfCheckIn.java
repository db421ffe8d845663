package org.civicit.lms.timetable;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;

/**
 * Trainees check themselves in by scanning the code the instructor shows: the class's
 * instructors and the admin get the session's code while it runs; a trainee with a seat who
 * brings back a fresh one is marked present, unless the instructor has marked it already.
 */
@ApplicationScoped
public class SelfCheckIn {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Enrolments enrolments;

    @Inject
    Timetable timetable;

    @Inject
    AttendanceRegister register;

    @Inject
    CheckInCodes codes;

    /** A code to show, for a session. */
    public record Shown(ClassSession session, CheckInCodes.Code code) {
    }

    /** The session a trainee checked in to, its mark there, and whether this check-in gave it. */
    public record CheckedIn(ClassSession session, AttendanceStatus status, boolean now) {
    }

    /** The session's code now: for the admin and the class's instructors, while the session runs. */
    public Shown code(String offeringCode, long sessionId, String by, boolean admin) {
        Offering offering = enrolments.offering(offeringCode);
        if (!admin && !offering.isTaughtBy(by)) {
            throw new BusinessException.Forbidden("timetable.checkin.notInstructor", offeringCode);
        }
        ClassSession session = timetable.find(offering, sessionId);
        open(session);
        return new Shown(session, codes.current(session.getId(), session.checkInSecret()));
    }

    /**
     * Checks a trainee in with a scanned code. {@code offeringCode} is the class the caller
     * names (the API), {@code null} when the code's link names only the session (the page).
     */
    @Transactional
    public CheckedIn checkIn(String offeringCode, long sessionId, String code, Official official, String username) {
        // Locked as a mark or a cancellation locks it, so that a session is never called off under a check-in.
        ClassSession session = em.find(ClassSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || offeringCode != null && !session.getOffering().getCode().equals(offeringCode)) {
            throw new BusinessException.NotFound("timetable.checkin.noSession", sessionId);
        }
        Offering offering = session.getOffering();
        if (official == null || !register.hasSeat(offering, official)) {
            throw new BusinessException.Forbidden("timetable.checkin.noSeat", offering.getCode(), offering.getTitle());
        }
        open(session);
        CheckInCodes.Verdict verdict = codes.check(session.getId(), session.checkInSecret(), code);
        if (verdict == CheckInCodes.Verdict.EXPIRED) {
            throw new BusinessException.Invalid("timetable.checkin.expired");
        }
        if (verdict == CheckInCodes.Verdict.WRONG) {
            throw new BusinessException.Invalid("timetable.checkin.wrong");
        }
        AttendanceStatus before = register.checkIn(offering, session, official, username);
        if (before == AttendanceStatus.ABSENT) {
            throw new BusinessException.Conflict("timetable.checkin.markedAbsent");
        }
        if (before == AttendanceStatus.EXCUSED) {
            throw new BusinessException.Conflict("timetable.checkin.markedExcused");
        }
        return new CheckedIn(session, before == null ? AttendanceStatus.PRESENT : before, before == null);
    }

    /** Whether trainees may check in now to a session held at these times. */
    public boolean takesCheckIns(LocalDateTime startsAt, LocalDateTime endsAt) {
        return codes.running(startsAt, endsAt);
    }

    /** How long each code is shown before the next. */
    public Duration window() {
        return codes.window();
    }

    /** A session takes check-ins only while it runs, and never once called off. */
    private void open(ClassSession session) {
        if (session.isCancelled()) {
            throw new BusinessException.Conflict("timetable.session.cancelled", session.getId());
        }
        if (!codes.running(session.getStartsAt(), session.getEndsAt())) {
            throw new BusinessException.Conflict("timetable.checkin.notRunning", WHEN.format(session.getStartsAt()),
                    HOUR.format(session.getEndsAt()), CheckInCodes.OPENS_BEFORE.toMinutes());
        }
    }
}
