package org.civicit.lms.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Hands each graded attempt to course progress once the grading committed. */
@ApplicationScoped
public class CompletionOnGrading {

    @Inject
    CourseExamResults results;

    void attemptGraded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptGraded graded) {
        results.followGrading(graded.officialId(), graded.assessmentId(), graded.passWithdrawn());
    }
}
