package org.civicit.lms.enrolment;

import org.civicit.lms.catalog.Course;
import org.civicit.lms.roster.Official;

/**
 * Whether a trainee came to enough sessions for a course to count. The timetable feature
 * answers, since it stands above enrolment and enrolment must not import it.
 */
public interface CourseAttendance {

    /** Whether every class of the course the official holds a seat in has its minimum share of sessions met. */
    boolean met(Course course, Official official);

    /**
     * Tells course progress where every trainee with a seat in the class stands, after what
     * counts as enough attendance changed; inside the caller's transaction.
     */
    void followEveryone(Offering offering);
}
