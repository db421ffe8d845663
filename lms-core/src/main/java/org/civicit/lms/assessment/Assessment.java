package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.Networks;

/** An exam: which questions to draw, how long it lasts, how often it may be taken, what passes. */
@Entity
@Table(name = "assessment")
@NamedQuery(name = Assessment.FIND_BY_CODE,
        query = "SELECT a FROM Assessment a JOIN FETCH a.programme WHERE a.code = :code")
@NamedQuery(name = Assessment.OPENING_UNANNOUNCED,
        query = "SELECT a.id FROM Assessment a WHERE a.offering IS NOT NULL AND a.openingAnnounced = false"
                + " AND (a.opensAt IS NULL OR a.opensAt <= :now) AND (a.closesAt IS NULL OR a.closesAt > :now)")
@NamedQuery(name = Assessment.DRAWING_FROM,
        query = "SELECT DISTINCT a FROM Assessment a JOIN a.sections s WHERE s.category = :category")
@NamedQuery(name = Assessment.OF_COURSE,
        query = "SELECT a FROM Assessment a WHERE a.course = :course ORDER BY a.code")
@NamedQuery(name = Assessment.ALL, query = "SELECT a FROM Assessment a ORDER BY a.code")
@NamedQuery(name = Assessment.OPEN_TO_OFFICIAL,
        query = "SELECT a FROM Assessment a WHERE a.offering IS NULL OR EXISTS (SELECT e FROM Enrolment e"
                + " WHERE e.offering = a.offering AND e.official = :official AND e.status IN"
                + " (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED, org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED,"
                + " org.civicit.lms.enrolment.EnrolmentStatus.FAILED))")
public class Assessment {

    public static final String FIND_BY_CODE = "Assessment.findByCode";
    public static final String OF_COURSE = "Assessment.ofCourse";
    public static final String DRAWING_FROM = "Assessment.drawingFrom";
    public static final String OPENING_UNANNOUNCED = "Assessment.openingUnannounced";
    public static final String OPEN_TO_OFFICIAL = "Assessment.openToOfficial";
    public static final String ALL = "Assessment.all";

    @Id
    @SequenceGenerator(name = "assessment_seq", sequenceName = "assessment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offering_id")
    private Offering offering;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(name = "time_limit_minutes", nullable = false)
    private int timeLimitMinutes;

    @Column(name = "pass_percent", nullable = false)
    private double passPercent;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(nullable = false)
    private boolean certifies;

    @Column(name = "opens_at")
    private OffsetDateTime opensAt;

    @Column(name = "closes_at")
    private OffsetDateTime closesAt;

    @Column(name = "opening_announced", nullable = false)
    private boolean openingAnnounced;

    @Column(name = "created_by", nullable = false, length = 40)
    private String createdBy;

    @Column(name = "access_code", length = ACCESS_CODE_LENGTH)
    private String accessCode;

    /** The networks attempts may come from, comma-separated; none means anywhere. */
    @Column(length = 1000)
    private String networks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Review review = Review.NONE;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_section", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    private List<AssessmentSection> sections = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_instructor", joinColumns = @JoinColumn(name = "assessment_id"))
    @Column(name = "username", length = 40)
    private Set<String> instructors = new LinkedHashSet<>();

    @Version
    private long version;

    public static final int ACCESS_CODE_LENGTH = 40;

    protected Assessment() {
    }

    Assessment(AssessmentDraft draft, Programme programme, Course course, Offering offering, String createdBy) {
        this.course = course;
        this.code = draft.code();
        this.title = draft.title();
        this.programme = programme;
        this.offering = offering;
        this.timeLimitMinutes = draft.timeLimitMinutes();
        this.passPercent = draft.passPercent();
        this.maxAttempts = draft.maxAttempts();
        this.certifies = draft.certifies();
        this.opensAt = draft.opensAt();
        this.closesAt = draft.closesAt();
        this.createdBy = createdBy;
        this.sections = new ArrayList<>(draft.sections());
        this.instructors = new LinkedHashSet<>(draft.instructors());
        this.instructors.add(createdBy);
        this.accessCode = draft.accessCode();
        this.networks = draft.networks().isEmpty() ? null : String.join(",", draft.networks());
        this.review = draft.review();
    }

    /** The assessment as changed before its first attempt; its code, author and instructors stay, with any added. */
    void revise(AssessmentDraft draft, Programme programme, Course course, Offering offering) {
        // A class told of the old opening is told again of the new one, and a new class is told at all.
        if (!Objects.equals(opensAt, draft.opensAt()) || !Objects.equals(idOf(this.offering), idOf(offering))) {
            this.openingAnnounced = false;
        }
        this.title = draft.title();
        this.programme = programme;
        this.course = course;
        this.offering = offering;
        this.timeLimitMinutes = draft.timeLimitMinutes();
        this.passPercent = draft.passPercent();
        this.maxAttempts = draft.maxAttempts();
        this.certifies = draft.certifies();
        this.opensAt = draft.opensAt();
        this.closesAt = draft.closesAt();
        this.sections = new ArrayList<>(draft.sections());
        this.instructors.addAll(draft.instructors());
        this.accessCode = draft.accessCode();
        this.networks = draft.networks().isEmpty() ? null : String.join(",", draft.networks());
        this.review = draft.review();
    }

    private static Long idOf(Offering offering) {
        return offering == null ? null : offering.getId();
    }

    /** Whether the assessment takes attempts at {@code now}. */
    public boolean isOpenAt(OffsetDateTime now) {
        return (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    /** Whether its class's trainees are yet to be told that it opened, at {@code now}. */
    boolean opensForItsClassAt(OffsetDateTime now) {
        return offering != null && !openingAnnounced && isOpenAt(now);
    }

    void openingAnnounced() {
        openingAnnounced = true;
    }

    /** When an attempt started at {@code start} must be in: its time limit, or the closing time if sooner. */
    public OffsetDateTime deadlineFor(OffsetDateTime start) {
        return deadlineFor(start, 0);
    }

    /** The deadline of an attempt started at {@code start} by someone given extra minutes, at the window's end too. */
    public OffsetDateTime deadlineFor(OffsetDateTime start, int extraMinutes) {
        OffsetDateTime limit = start.plusMinutes(timeLimitMinutes + (long) extraMinutes);
        OffsetDateTime close = closesAt == null ? null : closesAt.plusMinutes(extraMinutes);
        return close != null && close.isBefore(limit) ? close : limit;
    }

    /** The code the invigilator reads out, without which no attempt starts; {@code null} when none is asked. */
    public String getAccessCode() {
        return accessCode;
    }

    /** The networks attempts may be started and answered from; empty when any will do. */
    public Networks getNetworks() {
        return Networks.parse(networks == null ? List.of() : List.of(networks.split(",")));
    }

    public Review getReview() {
        return review;
    }

    /** Whether {@code username} grades it: one of its instructors, or of the class it belongs to. */
    public boolean isGradedBy(String username) {
        return instructors.contains(username)
                || (offering != null && offering.terms().instructors().contains(username));
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public Programme getProgramme() {
        return programme;
    }

    /** The course this assessment completes, if any. */
    public Course getCourse() {
        return course;
    }

    public Offering getOffering() {
        return offering;
    }

    /** Grows with every change: what calendars holding the exam's window compare. */
    public long getVersion() {
        return version;
    }

    public int getTimeLimitMinutes() {
        return timeLimitMinutes;
    }

    public double getPassPercent() {
        return passPercent;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public boolean isCertifies() {
        return certifies;
    }

    public OffsetDateTime getOpensAt() {
        return opensAt;
    }

    public OffsetDateTime getClosesAt() {
        return closesAt;
    }

    public List<AssessmentSection> getSections() {
        return List.copyOf(sections);
    }

    public Set<String> getInstructors() {
        return Set.copyOf(instructors);
    }
}
