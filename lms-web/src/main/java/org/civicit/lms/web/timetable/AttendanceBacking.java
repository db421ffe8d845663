package org.civicit.lms.web.timetable;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.timetable.AttendanceRegister;
import org.civicit.lms.timetable.AttendanceStatus;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.timetable.SelfCheckIn;
import org.civicit.lms.timetable.Timetable;
import org.civicit.lms.web.platform.LanguageBacking;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/attendance.xhtml?class=…&session=…}: an instructor's tick list for
 * one session, made for a phone in the classroom. Each mark is saved the moment it is
 * chosen; "everyone else present" marks in one step those not marked yet; while the session
 * runs, the page can show the QR code trainees scan to check themselves in.
 */
@Named
@ViewScoped
public class AttendanceBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** A trainee's line as shown; its mark changes with each click. */
    public static final class Line implements Serializable {

        private static final long serialVersionUID = 1L;
        private final String employeeCode;
        private final String fullName;
        private AttendanceStatus status;

        Line(String employeeCode, String fullName, AttendanceStatus status) {
            this.employeeCode = employeeCode;
            this.fullName = fullName;
            this.status = status;
        }

        public String getEmployeeCode() {
            return employeeCode;
        }

        public String getFullName() {
            return fullName;
        }

        public AttendanceStatus getStatus() {
            return status;
        }
    }

    /** A session to choose. */
    public record Choice(long id, String label, LocalDateTime startsAt, LocalDateTime endsAt) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** A class to choose. */
    public record ClassChoice(String code, String label) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    @Inject
    Timetable timetable;

    @Inject
    AttendanceRegister register;

    @Inject
    SelfCheckIn checkIns;

    @Inject
    Caller caller;

    @Inject
    LanguageBacking language;

    private String offering;
    private Long session;
    private List<ClassChoice> classes = List.of();
    private List<Choice> sessions = List.of();
    private List<Line> lines;
    private String saved;

    /** Chooses the class and session asked for, else the caller's session running now or coming next. */
    public void load() {
        LocalDateTime now = LocalDateTime.now(Today.VIETNAM);
        classes = timetable.toMark(caller.username(), caller.isAdmin()).stream()
                .map(o -> new ClassChoice(o.getCode(), o.getCode() + " — " + o.getTitle())).toList();
        if (offering == null || offering.isBlank()) {
            ClassSession next = timetable.next(caller.username(), caller.isAdmin(), now).orElse(null);
            if (next != null) {
                offering = next.getOffering().getCode();
                session = session == null ? next.getId() : session;
            } else {
                offering = classes.isEmpty() ? null : classes.get(0).code();
            }
        }
        if (offering == null) {
            return;
        }
        try {
            List<ClassSession> held = timetable.sessions(offering, caller.username(), caller.isAdmin()).stream()
                    .map(Timetable.SessionCounts::session).filter(s -> !s.isCancelled()).toList();
            sessions = held.stream().map(s -> new Choice(s.getId(), label(s), s.getStartsAt(), s.getEndsAt()))
                    .toList();
            if (session == null || sessions.stream().noneMatch(c -> c.id() == session)) {
                session = held.stream().filter(s -> s.getEndsAt().isAfter(now)).findFirst()
                        .or(() -> held.isEmpty() ? Optional.empty()
                                : Optional.of(held.get(held.size() - 1)))
                        .map(ClassSession::getId).orElse(null);
            }
            readLines();
        } catch (BusinessException e) {
            sessions = List.of();
            session = null;
            // In the page's language: the view takes the chosen one only as it is drawn.
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text(language.getLocale(), e.messageKey(), e.arguments()), null));
        }
    }

    private void readLines() {
        lines = session == null ? null : register.sheet(offering, session, caller.username(), caller.isAdmin())
                .stream().map(l -> new Line(l.official().getEmployeeCode(), l.official().getFullName(), l.status()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static String label(ClassSession s) {
        return DAY.format(s.getStartsAt()) + " " + HOUR.format(s.getStartsAt()) + "–" + HOUR.format(s.getEndsAt())
                + " · " + s.getVenue().getName();
    }

    /** Saves one trainee's mark, on its own. */
    public void mark(Line line, AttendanceStatus status) {
        saved = null;
        try {
            register.mark(offering, session, List.of(new AttendanceRegister.Mark(line.employeeCode, status)),
                    caller.username(), caller.isAdmin());
            line.status = status;
            saved = PageMessages.text("instructor_attendance.saved", line.fullName, PageMessages.text("instructor_attendance.mark." + status));
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    /** Reads the marks again: trainees who scanned the QR code have marked themselves meanwhile. */
    public void reload() {
        saved = null;
        readLines();
    }

    /** Marks present every trainee not marked yet; marks already given stay. */
    public void markRestPresent() {
        saved = null;
        try {
            int marked = register.markUnmarked(offering, session, AttendanceStatus.PRESENT, caller.username(),
                    caller.isAdmin());
            PageMessages.info("instructor_attendance.restMarked", marked);
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
        readLines();
    }

    public long count(AttendanceStatus status) {
        return lines == null ? 0 : lines.stream().filter(l -> l.status == status).count();
    }

    public long getUnmarked() {
        return count(null);
    }

    public AttendanceStatus[] getStatuses() {
        return AttendanceStatus.values();
    }

    /** Whether trainees may check in now, so that the QR code is worth showing. */
    public boolean isCheckInOpen() {
        Choice chosen = getChosen();
        return chosen != null && checkIns.takesCheckIns(chosen.startsAt(), chosen.endsAt());
    }

    public Choice getChosen() {
        return sessions.stream().filter(c -> Objects.equals(c.id(), session)).findFirst().orElse(null);
    }

    public long getWindowSeconds() {
        return checkIns.window().toSeconds();
    }

    public List<ClassChoice> getClasses() {
        return classes;
    }

    public List<Choice> getSessions() {
        return sessions;
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getSaved() {
        return saved;
    }

    public String getOffering() {
        return offering;
    }

    public void setOffering(String offering) {
        this.offering = offering;
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }
}
