package org.civicit.lms.web.enrolment;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingTerms;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Role;
import org.civicit.lms.web.problem.NoSuchPage;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code hr/class-form.xhtml}: opens a class, or with {@code ?code=…} changes one the
 * caller may change (the admin any, HR those it opened). The rules are the service's; the
 * form only carries the fields and shows the refusal beside them.
 */
@Named
@ViewScoped
public class ClassFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many instructors the search offers at a time: typing more narrows them. */
    private static final int SUGGESTIONS = 15;

    @Inject
    Enrolments enrolments;

    @Inject
    Catalog catalog;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private String code;
    private boolean editing;
    private String course;
    private String title;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Integer capacity;
    private String place;
    private LocalDate enrolFrom;
    private LocalDate enrolUntil;
    private boolean needsApproval;
    private List<String> instructors = new ArrayList<>();
    private Integer minAttendancePercent;
    private List<String> shown = new ArrayList<>();
    private String instructorToAdd;
    private Boolean anyInstructor;

    /**
     * On opening the page: with a class code, the class's details to change; an unknown class,
     * or one the caller may not change, is the site's "no such page".
     */
    public void load() throws IOException {
        if (code == null || code.isBlank() || editing) {
            return;
        }
        Offering offering = enrolments.find(code.strip()).orElse(null);
        if (offering == null || !(caller.isAdmin() || caller.username().equals(offering.getOpenedBy()))) {
            NoSuchPage.answer();
            return;
        }
        editing = true;
        code = offering.getCode();
        course = offering.getCourse().getCode();
        title = offering.getTitle();
        startsOn = offering.getStartsOn();
        endsOn = offering.getEndsOn();
        capacity = offering.getCapacity();
        place = offering.getPlace();
        OfferingTerms terms = offering.terms();
        enrolFrom = terms.enrolFrom();
        enrolUntil = terms.enrolUntil();
        needsApproval = terms.needsApproval();
        instructors = new ArrayList<>(terms.instructors());
        shown = new ArrayList<>(instructors);
        minAttendancePercent = offering.getMinAttendancePercent();
    }

    /** Opens or changes the class, then shows it; a refusal stays on the form with what was typed. */
    public String save() {
        OfferingTerms terms = new OfferingTerms(enrolFrom, enrolUntil, needsApproval, instructors);
        int seats = capacity == null ? 0 : capacity;
        String blankPlace = place == null || place.isBlank() ? null : place.strip();
        try {
            Offering saved = editing
                    ? enrolments.edit(code, title, startsOn, endsOn, seats, blankPlace, terms, minAttendancePercent,
                            caller.username(), caller.isAdmin())
                    : enrolments.open(code == null ? null : code.strip(), course, title, startsOn, endsOn, seats,
                            blankPlace, terms, minAttendancePercent, caller.username());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.info("class_form.saved", saved.getCode());
            return "/hr/class?faces-redirect=true&code=" + URLEncoder.encode(saved.getCode(), StandardCharsets.UTF_8);
        } catch (BusinessException e) {
            PageMessages.refusal(e);
            return null;
        }
    }

    public List<Course> getCourses() {
        return catalog.courses();
    }

    /** Instructor accounts whose username contains what was typed, to add one to the class. */
    public List<String> instructorsMatching(String typed) {
        return accounts.withRole(Role.INSTRUCTOR, typed, SUGGESTIONS);
    }

    /** The instructor just chosen in the search joins those ticked; the search is emptied for the next. */
    public void addInstructor() {
        if (instructorToAdd != null && !instructorToAdd.isBlank()) {
            if (!shown.contains(instructorToAdd)) {
                shown.add(instructorToAdd);
            }
            if (!instructors.contains(instructorToAdd)) {
                instructors.add(instructorToAdd);
            }
        }
        instructorToAdd = null;
    }

    /** The instructors to tick: the class's own and those added on this page, still there when unticked. */
    public List<String> getShown() {
        return shown;
    }

    public String getInstructorToAdd() {
        return instructorToAdd;
    }

    public void setInstructorToAdd(String instructorToAdd) {
        this.instructorToAdd = instructorToAdd;
    }

    /** Whether there is any instructor account to name, asked once per page. */
    public boolean isAnyInstructor() {
        if (anyInstructor == null) {
            anyInstructor = !accounts.withRole(Role.INSTRUCTOR, "", 1).isEmpty();
        }
        return anyInstructor;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        if (!editing) {
            this.code = code;
        }
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        if (!editing) {
            this.course = course;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public LocalDate getEnrolFrom() {
        return enrolFrom;
    }

    public void setEnrolFrom(LocalDate enrolFrom) {
        this.enrolFrom = enrolFrom;
    }

    public LocalDate getEnrolUntil() {
        return enrolUntil;
    }

    public void setEnrolUntil(LocalDate enrolUntil) {
        this.enrolUntil = enrolUntil;
    }

    public boolean isNeedsApproval() {
        return needsApproval;
    }

    public void setNeedsApproval(boolean needsApproval) {
        this.needsApproval = needsApproval;
    }

    /** The share of sessions a trainee must attend: on opening, empty is the programme's default; after, none. */
    public Integer getMinAttendancePercent() {
        return minAttendancePercent;
    }

    public void setMinAttendancePercent(Integer minAttendancePercent) {
        this.minAttendancePercent = minAttendancePercent;
    }

    public List<String> getInstructors() {
        return instructors;
    }

    public void setInstructors(List<String> instructors) {
        this.instructors = instructors == null ? new ArrayList<>() : instructors;
    }
}
