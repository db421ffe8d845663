package org.civicit.lms.web.assessment;

import java.io.IOException;
import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.ExamDay;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.problem.NoSuchPage;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/live.xhtml?code=…}: the invigilator's page. The list of who is
 * sitting refreshes itself from the API (js/live.js); the two forms give one official extra
 * time or attempts, and reopen an attempt the server closed at its deadline.
 */
@Named
@ViewScoped
public class InvigilationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Assessments assessments;

    @Inject
    ExamDay examDay;

    @Inject
    Caller caller;

    private String code;
    private String title;
    private String employeeCode;
    private Integer extraMinutes;
    private Integer extraAttempts;
    private String accommodationReason;
    private Long attemptId;
    private Integer reopenMinutes = 10;
    private String reopenReason;

    /** On opening the page: an unknown assessment, or one the caller does not invigilate, is "no such page". */
    public void load() throws IOException {
        try {
            Assessment assessment = code == null ? null : assessments.byCode(code);
            if (assessment != null && (caller.isAdmin() || assessment.isGradedBy(caller.username()))) {
                title = assessment.getTitle();
                return;
            }
        } catch (BusinessException.NotFound e) {
            // answered below, as for one the caller may not see
        }
        NoSuchPage.answer();
    }

    public void accommodate() {
        try {
            examDay.accommodate(code, employeeCode == null ? null : employeeCode.strip(), extraMinutes, extraAttempts,
                    accommodationReason, caller.username(), caller.isAdmin());
            PageMessages.info("live.accommodated", employeeCode.strip(), extraMinutes == null ? 0 : extraMinutes,
                    extraAttempts == null ? 0 : extraAttempts);
            employeeCode = null;
            accommodationReason = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void reopen() {
        try {
            examDay.reopen(attemptId == null ? -1 : attemptId, reopenMinutes, reopenReason, caller.username(),
                    caller.isAdmin());
            PageMessages.info("live.reopened", attemptId, reopenMinutes);
            attemptId = null;
            reopenReason = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public String getEmployeeCode() {
        return employeeCode;
    }

    public void setEmployeeCode(String employeeCode) {
        this.employeeCode = employeeCode;
    }

    public Integer getExtraMinutes() {
        return extraMinutes;
    }

    public void setExtraMinutes(Integer extraMinutes) {
        this.extraMinutes = extraMinutes;
    }

    public Integer getExtraAttempts() {
        return extraAttempts;
    }

    public void setExtraAttempts(Integer extraAttempts) {
        this.extraAttempts = extraAttempts;
    }

    public String getAccommodationReason() {
        return accommodationReason;
    }

    public void setAccommodationReason(String accommodationReason) {
        this.accommodationReason = accommodationReason;
    }

    public Long getAttemptId() {
        return attemptId;
    }

    public void setAttemptId(Long attemptId) {
        this.attemptId = attemptId;
    }

    public Integer getReopenMinutes() {
        return reopenMinutes;
    }

    public void setReopenMinutes(Integer reopenMinutes) {
        this.reopenMinutes = reopenMinutes;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public void setReopenReason(String reopenReason) {
        this.reopenReason = reopenReason;
    }
}
