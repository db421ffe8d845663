package org.civicit.lms.catalog;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One version of a course: who loaded it and when. {@code loadedBy} is empty for the file
 * shipped with the application, {@code loadedAt} for versions from before they were recorded.
 */
@Entity
@Table(name = "course_version")
@IdClass(CourseVersion.Key.class)
@NamedQuery(name = CourseVersion.OF_COURSE,
        query = "SELECT v FROM CourseVersion v WHERE v.courseId = :course ORDER BY v.revision DESC")
public class CourseVersion {

    public static final String OF_COURSE = "CourseVersion.ofCourse";

    /** A course and a revision of it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long courseId;
        private int revision;

        public Key() {
        }

        public Key(Long courseId, int revision) {
            this.courseId = courseId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(courseId, key.courseId) && revision == key.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(courseId, revision);
        }
    }

    @Id
    @Column(name = "course_id")
    private Long courseId;

    @Id
    @Column(name = "revision")
    private int revision;

    @Column(name = "loaded_by", length = 40)
    private String loadedBy;

    @Column(name = "loaded_at")
    private OffsetDateTime loadedAt;

    protected CourseVersion() {
    }

    CourseVersion(Course course, String loadedBy, OffsetDateTime loadedAt) {
        this.courseId = course.getId();
        this.revision = course.getRevision();
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
    }

    public int getRevision() {
        return revision;
    }

    /** Who uploaded it; {@code null} for the file shipped with the application. */
    public String getLoadedBy() {
        return loadedBy;
    }

    public OffsetDateTime getLoadedAt() {
        return loadedAt;
    }
}
