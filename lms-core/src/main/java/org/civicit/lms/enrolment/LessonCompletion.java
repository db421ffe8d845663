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

/** A lesson a trainee marked done, with the version of the lesson it read. */
@Entity
@Table(name = "lesson_completion")
@IdClass(LessonCompletion.Key.class)
@NamedQuery(name = LessonCompletion.NUMBERS_DONE,
        query = "SELECT c.lessonNumber FROM LessonCompletion c WHERE c.officialId = :official AND c.courseId = :course")
public class LessonCompletion {

    public static final String NUMBERS_DONE = "LessonCompletion.numbersDone";

    /** An official, a course and a lesson number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long officialId;
        private Long courseId;
        private int lessonNumber;

        public Key() {
        }

        public Key(Long officialId, Long courseId, int lessonNumber) {
            this.officialId = officialId;
            this.courseId = courseId;
            this.lessonNumber = lessonNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(officialId, key.officialId)
                    && Objects.equals(courseId, key.courseId) && lessonNumber == key.lessonNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(officialId, courseId, lessonNumber);
        }
    }

    @Id
    @Column(name = "official_id")
    private Long officialId;

    @Id
    @Column(name = "course_id")
    private Long courseId;

    @Id
    @Column(name = "lesson_number")
    private int lessonNumber;

    @Column(name = "lesson_id", nullable = false)
    private Long lessonId;

    @Column(name = "completed_at", nullable = false)
    private OffsetDateTime completedAt;

    protected LessonCompletion() {
    }

    LessonCompletion(Long officialId, Long courseId, int lessonNumber, Long lessonId, OffsetDateTime completedAt) {
        this.officialId = officialId;
        this.courseId = courseId;
        this.lessonNumber = lessonNumber;
        this.lessonId = lessonId;
        this.completedAt = completedAt;
    }
}
