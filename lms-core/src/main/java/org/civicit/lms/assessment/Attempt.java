package org.civicit.lms.assessment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
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

import org.civicit.lms.roster.Official;

/** One sitting of an assessment by one official. */
@Entity
@Table(name = "attempt")
@NamedQuery(name = Attempt.OF_OFFICIAL,
        query = "SELECT a FROM Attempt a WHERE a.assessment = :assessment AND a.official = :official ORDER BY a.number")
@NamedQuery(name = Attempt.ALL_OF_OFFICIAL,
        query = "SELECT a FROM Attempt a JOIN FETCH a.assessment WHERE a.official = :official ORDER BY a.number")
@NamedQuery(name = Attempt.COUNTS_BY_ASSESSMENT,
        query = "SELECT a.assessment.id, a.status, a.passed, COUNT(a) FROM Attempt a WHERE a.assessment.id IN :ids"
                + " GROUP BY a.assessment.id, a.status, a.passed")
@NamedQuery(name = Attempt.OVERDUE,
        query = "SELECT a.id FROM Attempt a WHERE a.status = org.civicit.lms.assessment.AttemptStatus.OPEN"
                + " AND a.deadline <= :now ORDER BY a.deadline")
@NamedQuery(name = Attempt.SUBMITTED_OF_ASSESSMENT,
        query = "SELECT a FROM Attempt a WHERE a.assessment = :assessment"
                + " AND a.status <> org.civicit.lms.assessment.AttemptStatus.OPEN ORDER BY a.id")
@NamedQuery(name = Attempt.GRADEBOOK,
        query = "SELECT a FROM Attempt a JOIN FETCH a.official o JOIN FETCH o.agency WHERE a.assessment = :assessment"
                + " ORDER BY o.employeeCode, a.number")
public class Attempt {

    public static final String OF_OFFICIAL = "Attempt.ofOfficial";
    public static final String ALL_OF_OFFICIAL = "Attempt.allOfOfficial";
    public static final String COUNTS_BY_ASSESSMENT = "Attempt.countsByAssessment";
    public static final String OVERDUE = "Attempt.overdue";
    public static final String SUBMITTED_OF_ASSESSMENT = "Attempt.submittedOfAssessment";
    public static final String GRADEBOOK = "Attempt.gradebook";

    /** Who submitted: the trainee, or the server at the deadline. */
    public static final String BY_TRAINEE = "TRAINEE";
    public static final String BY_SERVER = "SERVER";

    @Id
    @SequenceGenerator(name = "attempt_seq", sequenceName = "attempt_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attempt_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    private Assessment assessment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id")
    private Official official;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AttemptStatus status = AttemptStatus.OPEN;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(nullable = false)
    private OffsetDateTime deadline;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "submitted_by", length = 10)
    private String submittedBy;

    private Double score;

    @Column(name = "max_score", nullable = false)
    private double maxScore;

    private Boolean passed;

    @Version
    private long version;

    protected Attempt() {
    }

    Attempt(Assessment assessment, Official official, int number, OffsetDateTime startedAt, double maxScore,
            int extraMinutes) {
        this.assessment = assessment;
        this.official = official;
        this.number = number;
        this.startedAt = startedAt;
        this.deadline = assessment.deadlineFor(startedAt, extraMinutes);
        this.maxScore = maxScore;
    }

    /** Whether an answer may still be saved at {@code now}: the server's clock decides. */
    public boolean takesAnswersAt(OffsetDateTime now) {
        return status == AttemptStatus.OPEN && now.isBefore(deadline);
    }

    void submitted(OffsetDateTime at, String by) {
        this.submittedAt = at;
        this.submittedBy = by;
    }

    /** Open again until {@code deadline}, with no result until it is submitted again. */
    void reopen(OffsetDateTime deadline) {
        this.status = AttemptStatus.OPEN;
        this.deadline = deadline;
        this.submittedAt = null;
        this.submittedBy = null;
        this.score = null;
        this.passed = null;
    }

    void result(AttemptStatus status, Double score, Boolean passed) {
        this.status = status;
        this.score = score;
        this.passed = passed;
    }

    public Long getId() {
        return id;
    }

    public Assessment getAssessment() {
        return assessment;
    }

    public Official getOfficial() {
        return official;
    }

    public int getNumber() {
        return number;
    }

    public AttemptStatus getStatus() {
        return status;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getDeadline() {
        return deadline;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Double getScore() {
        return score;
    }

    public double getMaxScore() {
        return maxScore;
    }

    public Boolean getPassed() {
        return passed;
    }
}
