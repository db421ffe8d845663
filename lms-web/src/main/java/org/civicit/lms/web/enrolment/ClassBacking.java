package org.civicit.lms.web.enrolment;

import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Position;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.NoSuchPage;
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
    /** The flash entry under which another page hands over the officials it chose. */
    private static final String CHOSEN = "classBacking.chosen";

    /** Officials chosen on another page (such as those the dashboard lists as not certified), and in words who they are. */
    public record Chosen(LinkedHashSet<String> codes, String description) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    @Inject
    Enrolments enrolments;

    @Inject
    Caller caller;

    private String code;
    private String agency;
    private Level level;
    private Position position;
    private Enrolments.BulkResult preview;
    private Chosen chosen;
    // The list as shown, kept for the view so that a row's button acts on that row; read again after a change.
    private transient List<Enrolment> list;

    public Offering getOffering() {
        return enrolments.offering(code);
    }

    public List<Enrolment> getList() {
        if (list == null) {
            list = enrolments.classList(caller.scope(), code);
        }
        return list;
    }

    /** Hands officials over to the bulk enrolment of the class page the caller goes to next. */
    public static void choose(Set<String> codes, String description) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash()
                .put(CHOSEN, new Chosen(new LinkedHashSet<>(codes), description));
    }

    /**
     * On opening the page: a missing or unknown class code is the site's "no such page",
     * not an error; officials handed over are previewed at once, so the clerk sees what
     * would happen.
     */
    public void takeChosen() throws IOException {
        if (code == null || code.isBlank() || enrolments.find(code).isEmpty()) {
            NoSuchPage.answer();
            return;
        }
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(CHOSEN) instanceof Chosen handed) {
            chosen = handed;
            previewBulk();
        }
    }

    /** Back to choosing by agency, level and position. */
    public void clearChosen() {
        chosen = null;
        preview = null;
    }

    public Chosen getChosen() {
        return chosen;
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

    /** Takes one official off the class; the first in line moves up while the class is open. */
    public void withdraw(String employeeCode) {
        run(() -> {
            enrolments.withdraw(caller.scope(), code, employeeCode);
            PageMessages.info("hr_class.withdrawn", employeeCode);
            return null;
        });
    }

    /** Whether the caller may open, close or cancel the class: the admin, or the HR account that opened it. */
    public boolean isStatusChangeable() {
        return caller.isAdmin() || Objects.equals(getOffering().getOpenedBy(), caller.username());
    }

    /** Opens, closes or cancels the class. */
    public void status(OfferingStatus status) {
        Offering changed = run(() -> enrolments.status(code, status, caller.username(), caller.isAdmin()));
        if (changed != null) {
            PageMessages.info("hr_class.statusChanged", code, PageMessages.text("OfferingStatus." + changed.getStatus()));
        }
    }

    private OfficialQuery filter() {
        if (chosen != null) {
            return new OfficialQuery(null, null, null, true, null, null, Boolean.TRUE, chosen.codes());
        }
        return new OfficialQuery(level, null, agency == null || agency.isBlank() ? null : agency.strip(), true, position,
                null, Boolean.TRUE);
    }

    /** Runs an action, telling a refusal on the page instead of an error page; the list is read again after. */
    private <T> T run(Supplier<T> action) {
        list = null;
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
