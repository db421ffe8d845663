package org.civicit.lms.enrolment;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
@NamedQuery(name = Offering.OPEN,
        query = "SELECT o FROM Offering o JOIN FETCH o.course c JOIN FETCH c.programme"
                + " WHERE o.status = org.civicit.lms.enrolment.OfferingStatus.OPEN ORDER BY o.startsOn, o.code")
public class Offering {

    public static final int TITLE_LENGTH = 255;
    public static final int PLACE_LENGTH = 255;

    public static final String FIND_BY_CODE = "Offering.findByCode";
    public static final String OPEN = "Offering.open";

    @Id
    @SequenceGenerator(name = "offering_seq", sequenceName = "offering_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offering_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private int capacity;

    @Column(length = PLACE_LENGTH)
    private String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OfferingStatus status = OfferingStatus.OPEN;

    @Column(name = "enrol_from")
    private LocalDate enrolFrom;

    @Column(name = "enrol_until")
    private LocalDate enrolUntil;

    @Column(name = "needs_approval", nullable = false)
    private boolean needsApproval;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offering_instructor", joinColumns = @JoinColumn(name = "offering_id"))
    @Column(name = "username", length = 40)
    private Set<String> instructors = new LinkedHashSet<>();

    @Column(name = "opened_by", length = 40)
    private String openedBy;

    /** The share of the class's sessions a trainee must attend for the course to count; {@code null}: none. */
    @Column(name = "min_attendance_percent")
    private Integer minAttendancePercent;

    @Column(name = "next_position", nullable = false)
    private int nextPosition = 1;

    @Version
    private long version;

    protected Offering() {
    }

    public Offering(String code, Course course, String title, LocalDate startsOn, LocalDate endsOn, int capacity,
            String place, OfferingTerms terms, String openedBy) {
        this.openedBy = openedBy;
        this.enrolFrom = terms.enrolFrom();
        this.enrolUntil = terms.enrolUntil();
        this.needsApproval = terms.needsApproval();
        this.instructors = new LinkedHashSet<>(terms.instructors());
        this.code = code;
        this.course = course;
        this.title = title;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.capacity = capacity;
        this.place = place;
    }

    void change(String title, LocalDate startsOn, LocalDate endsOn, int capacity, String place, OfferingTerms terms) {
        this.title = title;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.capacity = capacity;
        this.place = place;
        this.enrolFrom = terms.enrolFrom();
        this.enrolUntil = terms.enrolUntil();
        this.needsApproval = terms.needsApproval();
        this.instructors = new LinkedHashSet<>(terms.instructors());
    }

    void status(OfferingStatus status) {
        this.status = status;
    }

    public OfferingTerms terms() {
        return new OfferingTerms(enrolFrom, enrolUntil, needsApproval, List.copyOf(instructors));
    }

    /** Whether a trainee may ask to join on {@code day}: the window is open and the class has not ended. */
    public boolean takesRequestsOn(LocalDate day) {
        return status == OfferingStatus.OPEN && terms().takesRequestsOn(day) && !day.isAfter(endsOn);
    }

    /** Whether the user runs this class day to day: the HR that opened it or one of its instructors. */
    public boolean isRunBy(String username) {
        return username != null && (username.equals(openedBy) || instructors.contains(username));
    }

    /** Whether the user is one of the class's instructors. */
    public boolean isTaughtBy(String username) {
        return username != null && instructors.contains(username);
    }

    public Integer getMinAttendancePercent() {
        return minAttendancePercent;
    }

    void minAttendancePercent(Integer percent) {
        this.minAttendancePercent = percent;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public OfferingStatus getStatus() {
        return status;
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
