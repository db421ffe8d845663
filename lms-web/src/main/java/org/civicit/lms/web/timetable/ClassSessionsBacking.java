package org.civicit.lms.web.timetable;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.timetable.Timetable;
import org.civicit.lms.timetable.Venue;
import org.civicit.lms.timetable.VenueKind;
import org.civicit.lms.timetable.Venues;
import org.civicit.lms.web.enrolment.ClassBacking;
import org.civicit.lms.web.problem.NoSuchPage;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * The timetable of {@code hr/class.xhtml} and {@code instructor/timetable.xhtml}: the class's sessions with their attendance
 * counts, a session added (a double booking or too few seats told in words), and one called off.
 * Shown to those who run the class, as the timetable decides.
 */
@Named
@ViewScoped
public class ClassSessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The client id the section's messages are given to, so they show beside the timetable. */
    private static final String MESSAGES = "sessions";

    @Inject
    ClassBacking page;

    @Inject
    Timetable timetable;

    @Inject
    Venues venues;

    @Inject
    Caller caller;

    @Inject
    Enrolments enrolments;

    private LocalDate date;
    private LocalTime startsAt;
    private LocalTime endsAt;
    private String venue;
    private List<String> points = new ArrayList<>();
    // Read once per request; read again after a change.
    private transient List<Timetable.SessionCounts> sessions;

    /** Whether the caller plans this class: the admin, the HR that opened it, its instructors. */
    public boolean isShown() {
        Offering offering = page.getOffering();
        return caller.isAdmin() || offering.isRunBy(caller.username());
    }

    /**
     * On opening the instructor's timetable page: a class the caller does not plan is as
     * unknown as one that does not exist, the site's "no such page".
     */
    public void requirePlanned() throws IOException {
        String code = page.getCode();
        if (code == null || code.isBlank() || enrolments.find(code).isEmpty() || !isShown()) {
            NoSuchPage.answer();
        }
    }

    public List<Timetable.SessionCounts> getSessions() {
        if (sessions == null) {
            sessions = timetable.sessions(page.getCode(), caller.username(), caller.isAdmin());
        }
        return sessions;
    }

    /** Every venue, for the session's main place. */
    public List<Venue> getVenues() {
        return venues.all();
    }

    /** The video-conference points that may join a session. */
    public List<Venue> getVideoPoints() {
        return venues.all().stream().filter(v -> v.getKind() == VenueKind.VIDEO_POINT).toList();
    }

    public void add() {
        sessions = null;
        if (date == null || startsAt == null || endsAt == null) {
            tell(FacesMessage.SEVERITY_ERROR, PageMessages.text("hr_sessions.required"));
            return;
        }
        try {
            timetable.add(page.getCode(), date.atTime(startsAt), date.atTime(endsAt), venue, points,
                    caller.username(), caller.isAdmin());
            tell(FacesMessage.SEVERITY_INFO, PageMessages.text("hr_sessions.added", DAY.format(date)));
            date = null;
            startsAt = null;
            endsAt = null;
            venue = null;
            points = new ArrayList<>();
        } catch (BusinessException e) {
            tell(FacesMessage.SEVERITY_ERROR, PageMessages.text(e.messageKey(), e.arguments().toArray()));
        }
    }

    public void cancel(long sessionId) {
        sessions = null;
        try {
            ClassSession session = timetable.cancel(page.getCode(), sessionId, caller.username(), caller.isAdmin());
            tell(FacesMessage.SEVERITY_INFO, PageMessages.text("hr_sessions.cancelledDone",
                    DAY.format(session.getStartsAt())));
        } catch (BusinessException e) {
            tell(FacesMessage.SEVERITY_ERROR, PageMessages.text(e.messageKey(), e.arguments().toArray()));
        }
    }

    private static void tell(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(MESSAGES, new FacesMessage(severity, text, null));
    }

    /** The points that join a session, by name. */
    public String points(ClassSession session) {
        return String.join(", ", session.getVideoPoints().stream().map(Venue::getName).sorted().toList());
    }

    public String day(ClassSession session) {
        return DAY.format(session.getStartsAt());
    }

    /** A session's hours, such as 08:00–11:30. */
    public String hours(ClassSession session) {
        return session.getStartsAt().toLocalTime() + "–" + session.getEndsAt().toLocalTime();
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public List<String> getPoints() {
        return points;
    }

    public void setPoints(List<String> points) {
        this.points = points == null ? new ArrayList<>() : points;
    }
}
