package org.civicit.lms.web.enrolment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/** Behind {@code trainee/courses.xhtml}: a trainee's classes and progress, and the classes it may ask to join. */
@Named
@RequestScoped
public class CoursesBacking {

    /** One of the trainee's classes, with the lessons done in its course (getters, for the page's EL). */
    public static final class Row {
        private final Enrolment enrolment;
        private final int lessonsDone;
        private final int lessons;

        Row(Enrolment enrolment, int lessonsDone, int lessons) {
            this.enrolment = enrolment;
            this.lessonsDone = lessonsDone;
            this.lessons = lessons;
        }

        public Enrolment getEnrolment() {
            return enrolment;
        }

        public Offering getOffering() {
            return enrolment.getOffering();
        }

        public int getLessonsDone() {
            return lessonsDone;
        }

        public int getLessons() {
            return lessons;
        }
    }

    @Inject
    Enrolments enrolments;

    @Inject
    CourseProgress progress;

    @Inject
    Caller caller;

    private List<Row> rows;

    public List<Row> getClasses() {
        if (rows == null) {
            Official official = caller.trainee();
            rows = enrolments.of(official).stream().map(e -> {
                CourseProgress.Progress p = progress.of(e.getOffering().getCourse().getCode(), official);
                int done = (int) p.lessons().stream().filter(CourseProgress.LessonState::done).count();
                return new Row(e, done, p.lessons().size());
            }).toList();
        }
        return rows;
    }

    /** Classes taking requests today that the trainee is not in yet. */
    public List<Offering> getOpenClasses() {
        Set<String> mine = getClasses().stream().filter(r -> r.getEnrolment().isActive())
                .map(r -> r.getOffering().getCode()).collect(Collectors.toSet());
        return enrolments.openForRequests(null).stream().filter(o -> !mine.contains(o.getCode())).toList();
    }

    public void request(String offeringCode) {
        try {
            Enrolment enrolment = enrolments.request(offeringCode, caller.trainee()).enrolment();
            PageMessages.info("courses.requested", offeringCode,
                    PageMessages.text("EnrolmentStatus." + enrolment.getStatus()));
            rows = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }
}
