package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.civicit.lms.catalog.Course;
import org.civicit.lms.enrolment.CourseExams;
import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.roster.Official;

/**
 * The exams of a course as course progress needs them: which complete it for a trainee and
 * whether they passed, and what each grading means for a completion.
 */
@ApplicationScoped
public class CourseExamResults implements CourseExams {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Assessments assessments;

    @Inject
    CourseProgress progress;

    @Override
    public List<Exam> completing(Course course, Official official) {
        return em.createNamedQuery(Assessment.OF_COURSE, Assessment.class).setParameter("course", course)
                .getResultStream().filter(a -> assessments.openTo(a, official))
                .map(a -> new Exam(a.getCode(), a.getTitle(), passed(official, a))).toList();
    }

    /**
     * Follows a graded attempt of an assessment that completes a course, once the grading
     * committed and in a transaction of its own, so that a problem here never undoes a grade.
     * A pass withdrawn by a regrade reopens a completion only when it may have rested on it:
     * a completion from before the official's first attempt at the assessment stays.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void followGrading(long officialId, long assessmentId, boolean passWithdrawn) {
        Assessment assessment = em.find(Assessment.class, assessmentId);
        Course course = assessment.getCourse();
        if (course == null) {
            return;
        }
        // One change to an official's progress at a time: completions and certificates are decided once.
        Official official = em.find(Official.class, officialId, LockModeType.PESSIMISTIC_WRITE);
        boolean passed = passed(official, assessment);
        boolean reopen = false;
        if (!passed && passWithdrawn) {
            OffsetDateTime completedAt = progress.completedAt(official, course);
            OffsetDateTime firstSubmitted = em.createNamedQuery(Attempt.OF_OFFICIAL, Attempt.class)
                    .setParameter("assessment", assessment).setParameter("official", official).getResultStream()
                    .map(Attempt::getSubmittedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            reopen = completedAt != null && firstSubmitted != null && !completedAt.isBefore(firstSubmitted);
        }
        progress.followGrading(official, course, passed, reopen, !passed && noAttemptCanPass(official, assessment));
    }

    private boolean passed(Official official, Assessment assessment) {
        return em.createQuery("SELECT COUNT(t) FROM Attempt t WHERE t.assessment = :assessment AND t.official = :official"
                        + " AND t.status = org.civicit.lms.assessment.AttemptStatus.GRADED AND t.passed = true", Long.class)
                .setParameter("assessment", assessment).setParameter("official", official)
                .getSingleResult() > 0;
    }

    /** Whether every attempt allowed is used and graded, and none passed. */
    private boolean noAttemptCanPass(Official official, Assessment assessment) {
        List<Attempt> attempts = em.createNamedQuery(Attempt.OF_OFFICIAL, Attempt.class)
                .setParameter("assessment", assessment).setParameter("official", official).getResultList();
        return attempts.size() >= assessment.getMaxAttempts()
                && attempts.stream().allMatch(a -> a.getStatus() == AttemptStatus.GRADED && !Boolean.TRUE.equals(a.getPassed()));
    }
}
