package org.civicit.lms.enrolment;

import java.util.List;

import org.civicit.lms.catalog.Course;
import org.civicit.lms.roster.Official;

/**
 * What the exams that complete a course say of a trainee. The assessment feature answers,
 * since it stands above enrolment and enrolment must not import it.
 */
public interface CourseExams {

    /** An exam that completes a course, and whether the trainee passed one of its attempts. */
    record Exam(String code, String title, boolean passed) {
    }

    /** The exams that complete a course for this official (open to all, or of its classes), by code. */
    List<Exam> completing(Course course, Official official);
}
