package org.civicit.lms.enrolment;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A course a trainee completed, and the version of it that was completed. */
@Entity
@Table(name = "course_completion")
@IdClass(CourseCompletion.Key.class)
@NamedQuery(name = CourseCompletion.COURSES_DONE,
        query = "SELECT c.courseId FROM CourseCompletion c WHERE c.officialId = :official")
public class CourseCompletion {

    public static final String COURSES_DONE = "CourseCompletion.coursesDone";

    /** An official and a course. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long officialId;
        private Long courseId;

        public Key() {
        }

        public Key(Long officialId, Long courseId) {
            this.officialId = officialId;
            this.courseId = courseId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(officialId, key.officialId)
                    && Objects.equals(courseId, key.courseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(officialId, courseId);
        }
    }

    @Id
    @Column(name = "official_id")
    private Long officialId;

    @Id
    @Column(name = "course_id")
    private Long courseId;

    @Column(name = "course_revision", nullable = false)
    private int courseRevision;

    @Column(name = "completed_at", nullable = false)
    private OffsetDateTime completedAt;

    protected CourseCompletion() {
    }

    CourseCompletion(Long officialId, Long courseId, int courseRevision, OffsetDateTime completedAt) {
        this.officialId = officialId;
        this.courseId = courseId;
        this.courseRevision = courseRevision;
        this.completedAt = completedAt;
    }

    public Long getOfficialId() {
        return officialId;
    }

    /** The version of the course it was completed in. */
    public int getCourseRevision() {
        return courseRevision;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }
}
