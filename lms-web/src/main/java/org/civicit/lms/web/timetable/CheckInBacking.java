package org.civicit.lms.web.timetable;

import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.timetable.SelfCheckIn;
import org.civicit.lms.web.platform.LanguageBacking;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code trainee/checkin.xhtml?session=…&code=…}, the page a trainee's phone opens from
 * the QR code in the room: opening it checks the trainee in, and says so or says why not.
 */
@Named
@RequestScoped
public class CheckInBacking {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    SelfCheckIn checkIns;

    @Inject
    Caller caller;

    @Inject
    LanguageBacking language;

    private String session;
    private String code;
    private SelfCheckIn.CheckedIn result;
    private String refusal;

    public void checkIn() {
        long id;
        try {
            id = Long.parseLong(session == null ? "" : session.strip());
        } catch (NumberFormatException e) {
            refusal = Messages.text(language.getLocale(), "timetable.checkin.wrong");
            return;
        }
        try {
            result = checkIns.checkIn(null, id, code, caller.official().orElse(null), caller.username());
        } catch (BusinessException e) {
            // The page's language, not the browser's: the view takes the chosen one only as it is drawn.
            refusal = Messages.text(language.getLocale(), e.messageKey(), e.arguments());
        }
    }

    /** Who was checked in, by name and employee code. */
    public String getWho() {
        return caller.official().map(o -> o.getFullName() + " (" + o.getEmployeeCode() + ")").orElse(caller.username());
    }

    /** The class, day, hours and venue of the session checked in to. */
    public String getWhere() {
        ClassSession s = result.session();
        return s.getOffering().getTitle() + " (" + s.getOffering().getCode() + ") · " + DAY.format(s.getStartsAt())
                + " " + HOUR.format(s.getStartsAt()) + "–" + HOUR.format(s.getEndsAt()) + " · " + s.getVenue().getName();
    }

    public SelfCheckIn.CheckedIn getResult() {
        return result;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
