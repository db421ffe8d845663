package org.civicit.lms.web.timetable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.timetable.AttendanceOverview;
import org.civicit.lms.web.ContentDisposition;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.platform.LanguageBacking;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code hr/attendance.xhtml}: the classes with sessions and the trainees of the
 * caller's agency scope in them (the admin: all, or one agency's subtree), their attendance
 * rates, who is below the minimum, and the same as an Excel workbook.
 */
@Named
@ViewScoped
public class HrAttendanceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String[] HEADER = {"class_code", "class_title", "employee_code", "full_name", "agency_code",
        "attended", "sessions", "percent", "min_percent", "standing"};

    @Inject
    AttendanceOverview overview;

    @Inject
    Roster roster;

    @Inject
    Caller caller;

    @Inject
    LanguageBacking language;

    private String agency;
    private String format;
    private String shownAgency;
    private String selected;
    // Read once per request; the page shows it several ways.
    private transient List<AttendanceOverview.ClassAttendance> classes;

    /** Narrows the view to an agency's subtree within the caller's scope; an agency outside it is refused. */
    public boolean show() {
        classes = null;
        selected = null;
        String code = agency == null || agency.isBlank() ? null : agency.strip();
        if (code != null && roster.agency(caller.scope(), code).isEmpty()) {
            PageMessages.error("hr_attendance.unknownAgency", code);
            return false;
        }
        shownAgency = code;
        return true;
    }

    private Scope scope() {
        Scope scope = caller.scope();
        return shownAgency == null ? scope : roster.agency(scope, shownAgency).map(Scope::subtree).orElse(Scope.NONE);
    }

    public List<AttendanceOverview.ClassAttendance> getClasses() {
        if (classes == null) {
            classes = overview.inScope(scope());
        }
        return classes;
    }

    /** The trainees below the minimum, class by class. */
    public List<AttendanceOverview.Trainee> getBelow() {
        return getClasses().stream().flatMap(c -> c.below().stream()).toList();
    }

    public void select(String offeringCode) {
        selected = offeringCode;
    }

    /** The class whose trainees are shown, or {@code null}. */
    public AttendanceOverview.ClassAttendance getCurrent() {
        return selected == null ? null
                : getClasses().stream().filter(c -> c.offering().getCode().equals(selected)).findFirst().orElse(null);
    }

    /** A rate in percent, or words while nothing is marked. */
    public String rate(BigDecimal rate) {
        return rate == null ? PageMessages.text("hr_attendance.noRate") : rate + "%";
    }

    public String minimum(Integer percent) {
        return percent == null ? PageMessages.text("class_form.minAttendance.none") : percent + "%";
    }

    /**
     * On opening the page: {@code ?agency=CODE} narrows it as the form does; {@code format=xlsx}
     * answers with the workbook instead of the page, so the download is a plain link.
     */
    public void open() throws IOException {
        boolean shown = agency == null || agency.isBlank() || show();
        if (shown && "xlsx".equals(format)) {
            downloadXlsx();
        }
    }

    /** Every trainee line of the view, class by class, as a workbook. */
    private void downloadXlsx() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        List<AttendanceOverview.ClassAttendance> rows = getClasses();
        // Before the page renders, only the visitor's chosen language is known, not the view's.
        Locale locale = language.getLocale();
        external.responseReset();
        external.setResponseContentType(Tables.XLSX);
        external.setResponseHeader("Content-Disposition", ContentDisposition.attachment(
                "attendance" + (shownAgency == null ? "" : "-" + shownAgency) + ".xlsx"));
        try (OutputStream stream = external.getResponseOutputStream()) {
            Tables.write(stream, true, Messages.text(locale, "hr_attendance.sheet"), HEADER, out -> rows.forEach(
                    c -> c.trainees().forEach(t -> out.row(c.offering().getCode(), c.offering().getTitle(),
                            t.seat().getOfficial().getEmployeeCode(), t.seat().getOfficial().getFullName(),
                            t.seat().getOfficial().getAgency().getCode(), t.share().attended(),
                            t.share().sessions(), t.share().percent(), t.share().minPercent(),
                            Messages.text(locale, "AttendanceStanding." + t.share().standing())))));
        }
        faces.responseComplete();
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getShownAgency() {
        return shownAgency;
    }
}
