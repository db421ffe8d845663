package org.civicit.lms.enrolment;

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

/** An official's place in a class: a seat, or a place in line for one. */
@Entity
@Table(name = "enrolment")
@NamedQuery(name = Enrolment.FIND, query = "SELECT e FROM Enrolment e WHERE e.offering = :offering AND e.official = :official")
@NamedQuery(name = Enrolment.COUNT_ENROLLED, query = "SELECT COUNT(e) FROM Enrolment e WHERE e.offering = :offering"
        + " AND e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
        + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)")
@NamedQuery(name = Enrolment.SEATS_IN_COURSE, query = "SELECT e FROM Enrolment e JOIN e.offering o"
        + " WHERE e.official = :official AND o.course = :course"
        + " AND e.status IN (org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED,"
        + " org.civicit.lms.enrolment.EnrolmentStatus.COMPLETED, org.civicit.lms.enrolment.EnrolmentStatus.FAILED)")
@NamedQuery(name = Enrolment.FIRST_WAITING, query = "SELECT e FROM Enrolment e WHERE e.offering = :offering"
        + " AND e.status = org.civicit.lms.enrolment.EnrolmentStatus.WAITLISTED ORDER BY e.position")
@NamedQuery(name = Enrolment.CLASS_LIST, query = "SELECT e FROM Enrolment e JOIN FETCH e.official o JOIN o.agency a"
        + " WHERE e.offering = :offering AND e.status <> org.civicit.lms.enrolment.EnrolmentStatus.WITHDRAWN"
        + " AND a.path LIKE :scope ORDER BY e.position")
@NamedQuery(name = Enrolment.SEATS_IN_OFFERING, query = "SELECT e FROM Enrolment e JOIN FETCH e.official"
        + " WHERE e.offering = :offering AND e.status = org.civicit.lms.enrolment.EnrolmentStatus.ENROLLED")
@NamedQuery(name = Enrolment.OF_OFFICIAL, query = "SELECT e FROM Enrolment e JOIN FETCH e.offering o"
        + " JOIN FETCH o.course WHERE e.official = :official ORDER BY o.startsOn DESC, o.code")
public class Enrolment {

    public static final String FIND = "Enrolment.find";
    public static final String COUNT_ENROLLED = "Enrolment.countEnrolled";
    public static final String FIRST_WAITING = "Enrolment.firstWaiting";
    public static final String CLASS_LIST = "Enrolment.classList";
    public static final String SEATS_IN_COURSE = "Enrolment.seatsInCourse";
    public static final String SEATS_IN_OFFERING = "Enrolment.seatsInOffering";
    public static final String OF_OFFICIAL = "Enrolment.ofOfficial";

    @Id
    @SequenceGenerator(name = "enrolment_seq", sequenceName = "enrolment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offering_id")
    private Offering offering;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id")
    private Official official;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "failed_reason", length = 16)
    private FailReason failedReason;

    /** The order of asking, which is the order of the waitlist. */
    @Column(nullable = false)
    private int position;

    @Version
    private long version;

    protected Enrolment() {
    }

    Enrolment(Offering offering, Official official) {
        this.offering = offering;
        this.official = official;
    }

    /** Takes a seat if one is free, else a place at the end of the line. */
    void join(boolean seatFree) {
        status = seatFree ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
        position = offering.takePosition();
    }

    /** Asks for a seat in a class that needs approval; the place in line counts from now. */
    void request() {
        status = EnrolmentStatus.REQUESTED;
        position = offering.takePosition();
    }

    /** An approved request takes a seat if one is free, else waits, in the order it was asked. */
    void approve(boolean seatFree) {
        status = seatFree ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
    }

    void withdraw() {
        status = EnrolmentStatus.WITHDRAWN;
    }

    void promote() {
        status = EnrolmentStatus.ENROLLED;
    }

    void complete() {
        status = EnrolmentStatus.COMPLETED;
        failedReason = null;
    }

    void fail(FailReason reason) {
        status = EnrolmentStatus.FAILED;
        failedReason = reason;
    }

    /** Back to studying: the completion (or the failure) this place had was taken back. */
    void reopen() {
        status = EnrolmentStatus.ENROLLED;
        failedReason = null;
    }

    /** Whether the official is on the class in any way but having left it. */
    public boolean isActive() {
        return status != EnrolmentStatus.WITHDRAWN;
    }

    public Offering getOffering() {
        return offering;
    }

    public Official getOfficial() {
        return official;
    }

    public EnrolmentStatus getStatus() {
        return status;
    }

    /** Why the place is FAILED; {@code null} otherwise, and for failures recorded before reasons were. */
    public FailReason getFailedReason() {
        return failedReason;
    }

    public int getPosition() {
        return position;
    }
}
