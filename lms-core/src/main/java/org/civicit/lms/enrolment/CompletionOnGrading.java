package org.civicit.lms.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.civicit.lms.assessment.AttemptGraded;

/** Hands each graded attempt to course progress once the grading committed. */
@ApplicationScoped
public class CompletionOnGrading {

    @Inject
    CourseProgress progress;

    void attemptGraded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptGraded graded) {
        progress.followGrading(graded.officialId(), graded.assessmentId(), graded.passWithdrawn());
    }
}
