package org.civicit.lms.enrolment;

import java.time.LocalDate;

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
import jakarta.persistence.Version;

import org.civicit.lms.catalog.Course;

/** A class of a course: dates, place and a number of seats. */
@Entity
@Table(name = "offering")
@NamedQuery(name = Offering.FIND_BY_CODE,
        query = "SELECT o FROM Offering o JOIN FETCH o.course c JOIN FETCH c.programme WHERE o.code = :code")
public class Offering {

    public static final String FIND_BY_CODE = "Offering.findByCode";

    @Id
    @SequenceGenerator(name = "offering_seq", sequenceName = "offering_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offering_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(nullable = false)
    private String title;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private int capacity;

    private String place;

    @Column(name = "next_position", nullable = false)
    private int nextPosition = 1;

    @Version
    private long version;

    protected Offering() {
    }

    public Offering(String code, Course course, String title, LocalDate startsOn, LocalDate endsOn, int capacity,
            String place) {
        this.code = code;
        this.course = course;
        this.title = title;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.capacity = capacity;
        this.place = place;
    }

    /** The place in line of the next request; only called with the offering locked. */
    int takePosition() {
        return nextPosition++;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Course getCourse() {
        return course;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getPlace() {
        return place;
    }
}
