package org.civicit.lms.web.assessment;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Grading;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/assessments.xhtml}: the assessments an instructor grades, how
 * their attempts stand, their gradebook and item analysis, and a regrade after a key was corrected.
 */
@Named
@ViewScoped
public class AssessmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Grading grading;

    @Inject
    Caller caller;

    // Kept for the view, so that a button acts on the row that was shown.
    private transient List<Grading.Graded> assessments;

    public List<Grading.Graded> getAssessments() {
        if (assessments == null) {
            assessments = grading.assessmentsGradedBy(caller.username(), caller.isAdmin());
        }
        return assessments;
    }

    public void regrade(String code) {
        try {
            Grading.Regraded regraded = grading.regrade(code, caller.username(), caller.isAdmin());
            PageMessages.info("assessments.regraded", code, regraded.attempts(), regraded.changed(),
                    regraded.certificatesIssued(), regraded.certificatesRevoked());
            assessments = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }
}
