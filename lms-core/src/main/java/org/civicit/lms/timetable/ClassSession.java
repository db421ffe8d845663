package org.civicit.lms.timetable;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.civicit.lms.enrolment.Offering;

/**
 * One meeting of a class: when, in which venue, and for a video conference the points that
 * join it. Times are local to the province.
 */
@Entity
@Table(name = "class_session")
@NamedQuery(name = ClassSession.OF_OFFERING, query = "SELECT s FROM ClassSession s JOIN FETCH s.venue"
        + " WHERE s.offering = :offering ORDER BY s.startsAt, s.id")
@NamedQuery(name = ClassSession.COUNT_OF_OFFERING,
        query = "SELECT COUNT(s) FROM ClassSession s WHERE s.offering = :offering AND s.cancelled = false")
@NamedQuery(name = ClassSession.USING_VENUES, query = "SELECT DISTINCT s FROM ClassSession s JOIN FETCH s.offering"
        + " LEFT JOIN s.videoPoints p WHERE (s.venue.id IN :venues OR p.id IN :venues)"
        + " AND s.cancelled = false AND s.startsAt < :until AND s.endsAt > :from")
public class ClassSession {

    public static final String OF_OFFERING = "ClassSession.ofOffering";
    public static final String COUNT_OF_OFFERING = "ClassSession.countOfOffering";
    public static final String USING_VENUES = "ClassSession.usingVenues";

    @Id
    @SequenceGenerator(name = "class_session_seq", sequenceName = "class_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "class_session_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offering_id")
    private Offering offering;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime endsAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "class_session_point", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "venue_id"))
    private Set<Venue> videoPoints = new LinkedHashSet<>();

    /** Called off: kept, so that calendars holding it learn that it is cancelled. */
    @Column(nullable = false)
    private boolean cancelled;

    /** How many times the session changed, for calendars (iCalendar's SEQUENCE). */
    @Column(nullable = false)
    private int revision;

    /** The key of its check-in codes ({@link CheckInCodes}); never leaves the server. */
    @Column(name = "check_in_secret", nullable = false, length = 64)
    private String checkInSecret;

    @Version
    private long version;

    protected ClassSession() {
    }

    ClassSession(Offering offering, LocalDateTime startsAt, LocalDateTime endsAt, Venue venue, Set<Venue> videoPoints) {
        this.offering = offering;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.venue = venue;
        this.videoPoints = new LinkedHashSet<>(videoPoints);
        this.checkInSecret = CheckInCodes.newSecret();
    }

    String checkInSecret() {
        return checkInSecret;
    }

    void cancel() {
        cancelled = true;
        revision++;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public int getRevision() {
        return revision;
    }

    public Long getId() {
        return id;
    }

    public Offering getOffering() {
        return offering;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public Venue getVenue() {
        return venue;
    }

    public Set<Venue> getVideoPoints() {
        return videoPoints;
    }
}
