package org.civicit.lms.web.enrolment;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Position;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code hr/class.xhtml?code=…}: one class as HR runs it. Its list (officials of
 * HR's subtree), the requests to approve or refuse, and enrolment in bulk by agency, level
 * and position, previewed before it is done.
 */
@Named
@ViewScoped
public class ClassBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Enrolments enrolments;

    @Inject
    Caller caller;

    private String code;
    private String agency;
    private Level level;
    private Position position;
    private Enrolments.BulkResult preview;

    public Offering getOffering() {
        return enrolments.offering(code);
    }

    public List<Enrolment> getList() {
        return enrolments.classList(caller.scope(), code);
    }

    public void previewBulk() {
        preview = run(() -> enrolments.enrolAll(caller.scope(), code, filter(), true));
    }

    public void enrolBulk() {
        Enrolments.BulkResult done = run(() -> enrolments.enrolAll(caller.scope(), code, filter(), false));
        if (done != null) {
            PageMessages.info("hr_class.enrolled", done.enrolled(), done.waitlisted(), done.alreadyEnrolled());
        }
        preview = null;
    }

    public void approve(String employeeCode) {
        run(() -> enrolments.decide(caller.scope(), code, employeeCode, true));
    }

    public void reject(String employeeCode) {
        run(() -> enrolments.decide(caller.scope(), code, employeeCode, false));
    }

    private OfficialQuery filter() {
        return new OfficialQuery(level, null, agency == null || agency.isBlank() ? null : agency.strip(), true, position,
                null, Boolean.TRUE);
    }

    /** Runs an action, telling a refusal on the page instead of an error page. */
    private <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
            return null;
        }
    }

    /** What the bulk enrolment would do, in words, or {@code null} before a preview. */
    public String getPreviewText() {
        return preview == null ? null : PageMessages.text("hr_class.preview", preview.enrolled(),
                preview.waitlisted(), preview.alreadyEnrolled(), preview.ineligible().size());
    }

    /** Who the bulk enrolment would leave out, and why. */
    public List<String> getIneligible() {
        return preview == null ? List.of() : preview.ineligible().stream()
                .map(r -> r.employeeCode() + " — " + Messages.text(PageMessages.locale(), r.messageKey(), r.arguments()))
                .toList();
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public Position[] getPositions() {
        return Position.values();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public Position getPosition() {
        return position;
    }

    public void setPosition(Position position) {
        this.position = position;
    }
}
