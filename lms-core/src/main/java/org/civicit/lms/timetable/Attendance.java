package org.civicit.lms.timetable;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** How one trainee was at one session, and who said so. */
@Entity
@Table(name = "attendance")
@IdClass(Attendance.Key.class)
@NamedQuery(name = Attendance.OF_OFFERING, query = "SELECT a FROM Attendance a, ClassSession s"
        + " WHERE s.id = a.sessionId AND s.offering = :offering AND s.cancelled = false")
@NamedQuery(name = Attendance.OF_OFFICIAL_IN_OFFERING, query = "SELECT a FROM Attendance a, ClassSession s"
        + " WHERE s.id = a.sessionId AND s.offering = :offering AND s.cancelled = false AND a.officialId = :official")
@NamedQuery(name = Attendance.OF_SESSION, query = "SELECT a FROM Attendance a WHERE a.sessionId = :session")
@NamedQuery(name = Attendance.COUNT_OF_SESSION, query = "SELECT COUNT(a) FROM Attendance a WHERE a.sessionId = :session")
public class Attendance {

    public static final String OF_OFFERING = "Attendance.ofOffering";
    public static final String OF_OFFICIAL_IN_OFFERING = "Attendance.ofOfficialInOffering";
    public static final String OF_SESSION = "Attendance.ofSession";
    public static final String COUNT_OF_SESSION = "Attendance.countOfSession";

    /** A session and an official. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long sessionId;
        private Long officialId;

        public Key() {
        }

        public Key(Long sessionId, Long officialId) {
            this.sessionId = sessionId;
            this.officialId = officialId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionId, key.sessionId)
                    && Objects.equals(officialId, key.officialId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, officialId);
        }
    }

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Id
    @Column(name = "official_id")
    private Long officialId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttendanceStatus status;

    @Column(name = "marked_by", nullable = false, length = 40)
    private String markedBy;

    @Column(name = "marked_at", nullable = false)
    private OffsetDateTime markedAt;

    protected Attendance() {
    }

    Attendance(Long sessionId, Long officialId) {
        this.sessionId = sessionId;
        this.officialId = officialId;
    }

    void mark(AttendanceStatus status, String by, OffsetDateTime at) {
        this.status = status;
        this.markedBy = by;
        this.markedAt = at;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getOfficialId() {
        return officialId;
    }

    public AttendanceStatus getStatus() {
        return status;
    }
}
