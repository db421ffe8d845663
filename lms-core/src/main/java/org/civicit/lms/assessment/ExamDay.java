package org.civicit.lms.assessment;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;

/**
 * What the invigilator and the assessment's instructors do on exam day: extra time and
 * attempts for one official, reopening an attempt the server closed at its deadline, and
 * the live view of who is sitting. Each change is the admin's or the assessment's
 * instructors', and goes to the audit log with its reason.
 */
@ApplicationScoped
public class ExamDay {

    static final int MAX_EXTRA_MINUTES = 600;
    static final int MAX_EXTRA_ATTEMPTS = 20;
    static final int MAX_REOPEN_MINUTES = 240;
    static final int REASON_LENGTH = 500;

    /** Extra minutes and attempts for one official; none is {@link #NONE}. */
    public record Accommodation(int extraMinutes, int extraAttempts, String reason) {
        public static final Accommodation NONE = new Accommodation(0, 0, null);
    }

    /** One attempt as the invigilator sees it. */
    public record LiveLine(long attemptId, String employeeCode, String fullName, AttemptStatus status, int number,
                           long answered, int questions, OffsetDateTime lastSavedAt, OffsetDateTime deadline,
                           String submittedBy, Boolean passed) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Assessments assessments;

    @Inject
    Roster roster;

    @Inject
    AuditLog audit;

    /** Sets, or with zeros takes back, the extra minutes and attempts of one official on one assessment. */
    @Transactional
    public void accommodate(String assessmentCode, String employeeCode, Integer extraMinutes, Integer extraAttempts,
            String reason, String username, boolean admin) {
        Assessment assessment = invigilated(assessmentCode, username, admin);
        Official official = roster.official(Scope.ALL, employeeCode)
                .orElseThrow(() -> new BusinessException.NotFound("roster.official.notFound", employeeCode));
        int minutes = extraMinutes == null ? 0 : extraMinutes;
        int attempts = extraAttempts == null ? 0 : extraAttempts;
        if (minutes < 0 || minutes > MAX_EXTRA_MINUTES) {
            throw new BusinessException.Invalid("examDay.extraMinutes", MAX_EXTRA_MINUTES);
        }
        if (attempts < 0 || attempts > MAX_EXTRA_ATTEMPTS) {
            throw new BusinessException.Invalid("examDay.extraAttempts", MAX_EXTRA_ATTEMPTS);
        }
        String why = reason(reason);
        em.lock(assessment, LockModeType.PESSIMISTIC_WRITE);
        int updated = em.createNativeQuery("UPDATE accommodation SET extra_minutes = ?, extra_attempts = ?, reason = ?,"
                        + " set_by = ?, set_at = ? WHERE assessment_id = ? AND official_id = ?")
                .setParameter(1, minutes).setParameter(2, attempts).setParameter(3, why).setParameter(4, username)
                .setParameter(5, OffsetDateTime.now()).setParameter(6, assessment.getId())
                .setParameter(7, official.getId()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO accommodation (assessment_id, official_id, extra_minutes, extra_attempts,"
                            + " reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, assessment.getId()).setParameter(2, official.getId()).setParameter(3, minutes)
                    .setParameter(4, attempts).setParameter(5, why).setParameter(6, username)
                    .setParameter(7, OffsetDateTime.now()).executeUpdate();
        }
        audit.record(AuditAction.ACCOMMODATION_SET, "assessment:" + assessmentCode + "/official:" + employeeCode,
                Details.of("extraMinutes", minutes, "extraAttempts", attempts, "reason", why));
    }

    /** The extra minutes and attempts of an official on an assessment. */
    public Accommodation accommodationOf(Assessment assessment, Official official) {
        List<?> rows = em.createNativeQuery("SELECT extra_minutes, extra_attempts, reason FROM accommodation"
                        + " WHERE assessment_id = ? AND official_id = ?")
                .setParameter(1, assessment.getId()).setParameter(2, official.getId()).getResultList();
        if (rows.isEmpty()) {
            return Accommodation.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Accommodation(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (String) row[2]);
    }

    /**
     * Opens again, for some minutes, an attempt the server closed at its deadline (a power cut,
     * a crashed computer). The answers kept stay; those the server scored are scored again at the
     * next submission; an instructor's grades stay. An attempt the trainee submitted, or that
     * passed, stays as it is.
     */
    @Transactional
    public Attempt reopen(long attemptId, Integer minutes, String reason, String username, boolean admin) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || !(admin || attempt.getAssessment().isGradedBy(username))) {
            throw new BusinessException.NotFound("attempt.notFound", attemptId);
        }
        if (minutes == null || minutes < 1 || minutes > MAX_REOPEN_MINUTES) {
            throw new BusinessException.Invalid("examDay.reopenMinutes", MAX_REOPEN_MINUTES);
        }
        String why = reason(reason);
        if (attempt.getStatus() == AttemptStatus.OPEN) {
            throw new BusinessException.Conflict("examDay.reopen.stillOpen", attemptId);
        }
        if (!Attempt.BY_SERVER.equals(attempt.getSubmittedBy())) {
            throw new BusinessException.Conflict("examDay.reopen.submittedByTrainee", attemptId);
        }
        if (Boolean.TRUE.equals(attempt.getPassed())) {
            throw new BusinessException.Conflict("examDay.reopen.passed", attemptId);
        }
        OffsetDateTime now = OffsetDateTime.now();
        attempt.reopen(now.plusMinutes(minutes));
        em.createNamedQuery(AttemptItem.OF_ATTEMPT, AttemptItem.class).setParameter("attempt", attempt.getId())
                .getResultStream().filter(item -> item.getGradedBy() == null).forEach(AttemptItem::unscore);
        em.createNativeQuery("INSERT INTO attempt_reopening (attempt_id, reopened_at, minutes, reason, reopened_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, attempt.getId()).setParameter(2, now).setParameter(3, minutes).setParameter(4, why)
                .setParameter(5, username).executeUpdate();
        audit.record(AuditAction.ATTEMPT_REOPENED, "attempt:" + attemptId,
                Details.of("minutes", minutes, "reason", why));
        return attempt;
    }

    /**
     * Who is sitting the assessment: each attempt with how many questions it answered and when
     * it last saved, read from what the exam keeps anyway (one query, no lock).
     */
    public List<LiveLine> live(String assessmentCode, String username, boolean admin) {
        Assessment assessment = invigilated(assessmentCode, username, admin);
        return em.createQuery("SELECT a.id, o.employeeCode, o.fullName, a.status, a.number,"
                        + " (SELECT COUNT(i) FROM AttemptItem i WHERE i.attemptId = a.id AND i.answeredAt IS NOT NULL),"
                        + " (SELECT COUNT(j) FROM AttemptItem j WHERE j.attemptId = a.id),"
                        + " (SELECT MAX(k.answeredAt) FROM AttemptItem k WHERE k.attemptId = a.id), a.deadline,"
                        + " a.submittedBy, a.passed"
                        + " FROM Attempt a JOIN a.official o WHERE a.assessment = :assessment"
                        + " ORDER BY o.employeeCode, a.number", Object[].class)
                .setParameter("assessment", assessment).getResultStream()
                .map(row -> new LiveLine((Long) row[0], (String) row[1], (String) row[2], (AttemptStatus) row[3],
                        ((Number) row[4]).intValue(), ((Number) row[5]).longValue(), ((Number) row[6]).intValue(),
                        moment(row[7]), (OffsetDateTime) row[8], (String) row[9], (Boolean) row[10]))
                .toList();
    }

    /** A MAX over a timestamp column: some databases' drivers give it back as a plain SQL timestamp. */
    private static OffsetDateTime moment(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        return (OffsetDateTime) value;
    }

    /** The assessment, for the admin or one of its instructors; to anyone else it does not exist. */
    private Assessment invigilated(String assessmentCode, String username, boolean admin) {
        Assessment assessment = assessments.byCode(assessmentCode);
        if (!(admin || assessment.isGradedBy(username))) {
            throw new BusinessException.NotFound("assessment.notFound", assessmentCode);
        }
        return assessment;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException.Invalid("examDay.reason");
        }
        if (reason.strip().length() > REASON_LENGTH) {
            throw new BusinessException.Invalid("examDay.reasonTooLong", REASON_LENGTH);
        }
        return reason.strip();
    }
}
