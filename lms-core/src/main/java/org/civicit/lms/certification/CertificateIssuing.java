package org.civicit.lms.certification;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.AttemptGraded;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.enrolment.CourseCompletion;
import org.civicit.lms.enrolment.CourseCompleted;
import org.civicit.lms.roster.Official;

/**
 * The one place that decides to issue or revoke a certificate earned in the application,
 * from what exams and courses tell: a pass of a certifying assessment issues its programme's
 * certificate and a pass withdrawn revokes it; completing every course of a programme issues
 * the programme's certificate and a course no longer complete revokes it. Observers run inside
 * the transaction that graded or completed, so a certificate never goes out of step with it.
 */
@ApplicationScoped
public class CertificateIssuing {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Certificates certificates;

    @Inject
    Catalog catalog;

    void attemptGraded(@Observes AttemptGraded graded) {
        if (!graded.certifying()) {
            return;
        }
        Certificate held = certificates.forAttempt(graded.attemptId())
                .filter(certificate -> certificate.getRevokedAt() == null).orElse(null);
        if (graded.passed() && held == null) {
            Programme programme = em.find(Assessment.class, graded.assessmentId()).getProgramme();
            certificates.issueForAttempt(graded.attemptId(), em.find(Official.class, graded.officialId()), programme);
        } else if (!graded.passed() && held != null) {
            certificates.revokeForRegrade(held, graded.attemptId());
        }
    }

    void courseCompleted(@Observes CourseCompleted completed) {
        Official official = em.find(Official.class, completed.officialId());
        Course course = em.find(Course.class, completed.courseId());
        Programme programme = course.getProgramme();
        if (completed.withdrawn()) {
            certificates.revokeEarnedByCourses(official, programme, course.getCode());
            return;
        }
        Set<Long> done = new HashSet<>(em.createNamedQuery(CourseCompletion.COURSES_DONE, Long.class)
                .setParameter("official", official.getId()).getResultList());
        boolean programmeDone = catalog.courses().stream()
                .filter(c -> c.getProgramme().getId().equals(programme.getId()))
                .allMatch(c -> done.contains(c.getId()));
        if (programmeDone) {
            certificates.issueForProgramme(official, programme);
        }
    }
}
