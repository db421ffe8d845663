package org.civicit.lms.web.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Lesson;
import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.web.security.Caller;

/**
 * The course catalogue, as loaded from {@code content/catalog}: open to everyone logged in.
 * Lessons come as HTML; a trainee marks them done and reads its progress.
 */
@Path("courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
public class CoursesResource {

    public record CourseView(String code, String programme, String title, String titleEn, int hours,
                             List<String> prerequisites) {

        static CourseView of(Course course) {
            return new CourseView(course.getCode(), course.getProgramme().getCode(), course.getTitle(),
                    course.getTitleEn(), course.getHours(), course.getPrerequisites());
        }
    }

    /** A course with its lessons in Markdown, as written, and the version loaded. */
    public record CourseDetail(String code, String programme, String title, String titleEn, int hours,
                               List<String> prerequisites, int revision, String lessons, List<LessonEntry> lessonList) {
    }

    public record LessonEntry(int number, String title) {
    }

    public record LessonView(String course, int number, String title, int revision, String html) {
    }

    public record ProgressView(String course, int lessons, int lessonsDone, List<Integer> done,
                               List<AssessmentEntry> assessments, boolean completed, OffsetDateTime completedAt) {
    }

    public record AssessmentEntry(String code, String title, boolean passed) {
    }

    @Inject
    Catalog catalog;

    @Inject
    CourseProgress progress;

    @Inject
    Caller caller;

    @GET
    public List<CourseView> all() {
        return catalog.courses().stream().map(CourseView::of).toList();
    }

    @GET
    @Path("{code}")
    public CourseDetail one(@PathParam("code") String code) {
        Course course = progress.course(code);
        return new CourseDetail(course.getCode(), course.getProgramme().getCode(), course.getTitle(),
                course.getTitleEn(), course.getHours(), course.getPrerequisites(), course.getRevision(),
                course.getBody(), catalog.lessons(course).stream()
                        .map(l -> new LessonEntry(l.getNumber(), l.getTitle())).toList());
    }

    @GET
    @Path("{code}/lessons/{number}")
    public LessonView lesson(@PathParam("code") String code, @PathParam("number") int number) {
        Lesson lesson = progress.lesson(code, number);
        return new LessonView(code, lesson.getNumber(), lesson.getTitle(), lesson.getCourseRevision(),
                Markdown.html(lesson.getBody()));
    }

    /** Marks a lesson done for the trainee calling; it needs a seat in a class of the course. */
    @PUT
    @Path("{code}/lessons/{number}/done")
    @RolesAllowed("TRAINEE")
    public ProgressView done(@PathParam("code") String code, @PathParam("number") int number) {
        return view(progress.markDone(code, number, caller.trainee()));
    }

    @GET
    @Path("{code}/progress")
    @RolesAllowed("TRAINEE")
    public ProgressView progress(@PathParam("code") String code) {
        return view(progress.of(code, caller.trainee()));
    }


    private static ProgressView view(CourseProgress.Progress p) {
        List<Integer> done = p.lessons().stream().filter(CourseProgress.LessonState::done)
                .map(s -> s.lesson().getNumber()).toList();
        return new ProgressView(p.course().getCode(), p.lessons().size(), done.size(), done,
                p.assessments().stream().map(a -> new AssessmentEntry(a.code(), a.title(), a.passed())).toList(),
                p.completedAt() != null, p.completedAt());
    }
}
