package org.civicit.lms.web.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Lesson;
import org.civicit.lms.enrolment.CourseExams;
import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.problem.NoSuchPage;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code trainee/course.xhtml?code=IU01&lesson=2}: a course's lessons with the
 * ones done marked, one lesson read, and the button that marks it done.
 */
@Named
@RequestScoped
public class CourseBacking {

    @Inject
    CourseProgress courseProgress;

    @Inject
    Caller caller;

    @Inject
    Attempts attempts;

    private String code;
    private Integer lesson;
    private CourseProgress.Progress progress;
    private Lesson current;
    private Set<String> takeable;

    /** Loads the course and the lesson asked for (the first not done when none is); 404 when either is unknown. */
    public void load() throws IOException {
        try {
            read();
        } catch (BusinessException.NotFound e) {
            NoSuchPage.answer();
        }
    }

    private void read() {
        progress = courseProgress.of(code, caller.trainee());
        current = lesson == null
                ? progress.lessons().stream().filter(s -> !s.done()).findFirst()
                        .or(() -> progress.lessons().stream().findFirst())
                        .map(CourseProgress.LessonState::lesson).orElse(null)
                : courseProgress.lesson(code, lesson);
    }

    /** Marks the lesson read done and goes on to the next one not done. */
    public String markDone() {
        try {
            // The view action runs on the first request only; a post reads the course again.
            read();
            if (current == null) {
                throw new BusinessException.NotFound("catalog.course.notFound", code);
            }
            progress = courseProgress.markDone(code, current.getNumber(), caller.trainee());
            return "course?faces-redirect=true&code=" + code;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
            return null;
        }
    }

    /** A lesson in the list, with whether it is done (getters, for the page's EL). */
    public static final class LessonLink {
        private final Lesson lesson;
        private final boolean done;

        LessonLink(CourseProgress.LessonState state) {
            this.lesson = state.lesson();
            this.done = state.done();
        }

        public Lesson getLesson() {
            return lesson;
        }

        public boolean isDone() {
            return done;
        }
    }

    public List<LessonLink> getLessons() {
        return progress == null ? List.of() : progress.lessons().stream().map(LessonLink::new).toList();
    }

    /** The assessments that complete the course for this trainee, each with whether it passed one. */
    public List<CourseExams.Exam> getAssessments() {
        return progress == null ? List.of() : progress.assessments();
    }

    /** Whether the trainee may start or resume an attempt of this assessment now. */
    public boolean takeable(String assessmentCode) {
        if (takeable == null) {
            takeable = attempts.sittings(caller.trainee()).stream().filter(Attempts.Sitting::takeable)
                    .map(sitting -> sitting.assessment().getCode()).collect(Collectors.toSet());
        }
        return takeable.contains(assessmentCode);
    }

    public Course getCourse() {
        return progress == null ? null : progress.course();
    }

    public boolean isCompleted() {
        return progress != null && progress.completedAt() != null;
    }

    public Lesson getCurrent() {
        return current;
    }

    public boolean isCurrentDone() {
        return current != null && progress.lessons().stream()
                .anyMatch(s -> s.done() && s.lesson().getNumber() == current.getNumber());
    }

    /** The lesson as HTML; its Markdown cannot carry raw HTML (see {@link Markdown}). */
    public String getHtml() {
        return current == null ? "" : Markdown.html(current.getBody());
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getLesson() {
        return lesson;
    }

    public void setLesson(Integer lesson) {
        this.lesson = lesson;
    }
}
