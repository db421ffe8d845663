package org.civicit.lms.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One lesson of one version of a course, in Markdown. */
@Entity
@Table(name = "lesson")
@NamedQuery(name = Lesson.CURRENT_OF_COURSE,
        query = "SELECT l FROM Lesson l WHERE l.course = :course AND l.current = true ORDER BY l.number")
@NamedQuery(name = Lesson.RETIRE_OF_COURSE,
        query = "UPDATE Lesson l SET l.current = false WHERE l.course = :course AND l.current = true")
public class Lesson {

    public static final String CURRENT_OF_COURSE = "Lesson.currentOfCourse";
    public static final String RETIRE_OF_COURSE = "Lesson.retireOfCourse";

    @Id
    @SequenceGenerator(name = "lesson_seq", sequenceName = "lesson_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lesson_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(name = "course_revision", nullable = false)
    private int courseRevision;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 200_000)
    private String body;

    @Column(name = "is_current", nullable = false)
    private boolean current;

    protected Lesson() {
    }

    Lesson(Course course, CourseFile.LessonText text) {
        this.course = course;
        this.courseRevision = course.getRevision();
        this.number = text.number();
        this.title = text.title();
        this.body = text.markdown();
        this.current = true;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public int getCourseRevision() {
        return courseRevision;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }
}
