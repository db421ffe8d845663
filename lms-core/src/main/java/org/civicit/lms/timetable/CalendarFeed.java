package org.civicit.lms.timetable;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An account's private calendar feed: the hash of its secret link, never the link itself. */
@Entity
@Table(name = "calendar_feed")
@NamedQuery(name = CalendarFeed.BY_TOKEN, query = "SELECT f FROM CalendarFeed f WHERE f.tokenHash = :hash")
public class CalendarFeed {

    public static final String BY_TOKEN = "CalendarFeed.byToken";

    @Id
    @Column(length = 40)
    private String username;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CalendarFeed() {
    }

    CalendarFeed(String username) {
        this.username = username;
    }

    void renew(String tokenHash, OffsetDateTime at) {
        this.tokenHash = tokenHash;
        this.createdAt = at;
    }

    public String getUsername() {
        return username;
    }
}
