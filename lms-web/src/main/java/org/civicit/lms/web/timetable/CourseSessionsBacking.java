package org.civicit.lms.web.timetable;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.FailReason;
import org.civicit.lms.platform.Today;
import org.civicit.lms.timetable.AttendanceOverview;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.web.catalog.CourseBacking;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * The sessions part of {@code trainee/course.xhtml}: for each class of the course the trainee
 * holds a seat in, its sessions with the trainee's mark at each past one, the share attended
 * against the class's minimum, and why the place failed when attendance failed it.
 */
@Named
@RequestScoped
public class CourseSessionsBacking {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    CourseBacking page;

    @Inject
    AttendanceOverview overview;

    @Inject
    Caller caller;

    private List<AttendanceOverview.TraineeClass> classes;

    public List<AttendanceOverview.TraineeClass> getClasses() {
        if (classes == null) {
            classes = overview.ofTrainee(page.getCode(), caller.trainee());
        }
        return classes;
    }

    public String day(ClassSession session) {
        return DAY.format(session.getStartsAt());
    }

    public String hours(ClassSession session) {
        return session.getStartsAt().toLocalTime() + "–" + session.getEndsAt().toLocalTime();
    }

    /** The trainee's mark at a session in words; a session still to come, or not yet marked, says so. */
    public String mark(AttendanceOverview.SessionMark mark) {
        if (mark.session().isCancelled()) {
            return PageMessages.text("hr_sessions.cancelled");
        }
        if (mark.status() != null) {
            return PageMessages.text("AttendanceStatus." + mark.status());
        }
        return PageMessages.text(mark.session().getStartsAt().isAfter(LocalDateTime.now(Today.VIETNAM))
                ? "course_sessions.coming" : "course_sessions.notMarked");
    }

    /** Whether attendance failed this place. */
    public boolean failedOnAttendance(AttendanceOverview.TraineeClass seat) {
        return seat.seat().getStatus() == EnrolmentStatus.FAILED && seat.seat().getFailedReason() == FailReason.ATTENDANCE;
    }
}
