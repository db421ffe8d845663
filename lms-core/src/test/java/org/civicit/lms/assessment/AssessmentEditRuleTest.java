package org.civicit.lms.assessment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicit.lms.platform.BusinessException;
import org.junit.jupiter.api.Test;

/** When an assessment may still be changed, and by whom. */
class AssessmentEditRuleTest {

    @Test
    void anAssessmentNoOneStartedMayBeChanged() {
        assertThatCode(() -> Assessments.requireMayEdit(false, false, 0)).doesNotThrowAnyException();
        assertThatCode(() -> Assessments.requireMayEdit(true, true, 0)).as("the admin, one that certifies")
                .doesNotThrowAnyException();
    }

    @Test
    void onceAnAttemptWasStartedNoOneChangesItNotEvenTheAdmin() {
        assertThatThrownBy(() -> Assessments.requireMayEdit(false, false, 1))
                .isInstanceOf(BusinessException.Conflict.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("assessment.edit.attempted");
        assertThatThrownBy(() -> Assessments.requireMayEdit(true, true, 3))
                .isInstanceOf(BusinessException.Conflict.class);
    }

    @Test
    void onlyTheAdminChangesOneThatCertifies() {
        assertThatThrownBy(() -> Assessments.requireMayEdit(true, false, 0))
                .isInstanceOf(BusinessException.Forbidden.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("assessment.edit.certifiesAdminOnly");
    }
}
