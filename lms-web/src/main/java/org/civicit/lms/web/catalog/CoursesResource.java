package org.civicit.lms.web.catalog;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.platform.BusinessException;

/** The course catalogue, as loaded from {@code content/catalog}: open to everyone logged in. */
@Path("courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
public class CoursesResource {

    public record CourseView(String code, String programme, String title, String titleEn, int hours) {

        static CourseView of(Course course) {
            return new CourseView(course.getCode(), course.getProgramme().getCode(), course.getTitle(),
                    course.getTitleEn(), course.getHours());
        }
    }

    /** A course with its lessons in Markdown. */
    public record CourseDetail(String code, String programme, String title, String titleEn, int hours,
                               String lessons) {
    }

    @Inject
    Catalog catalog;

    @GET
    public List<CourseView> all() {
        return catalog.courses().stream().map(CourseView::of).toList();
    }

    @GET
    @Path("{code}")
    public CourseDetail one(@PathParam("code") String code) {
        Course course = catalog.course(code)
                .orElseThrow(() -> new BusinessException.NotFound("enrolment.offering.unknownCourse", code));
        return new CourseDetail(course.getCode(), course.getProgramme().getCode(), course.getTitle(),
                course.getTitleEn(), course.getHours(), course.getBody());
    }
}
