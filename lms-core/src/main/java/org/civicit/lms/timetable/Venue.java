package org.civicit.lms.timetable;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A place where sessions are held, with the seats it has. */
@Entity
@Table(name = "venue")
@NamedQuery(name = Venue.FIND_BY_CODE, query = "SELECT v FROM Venue v WHERE v.code = :code")
@NamedQuery(name = Venue.ALL, query = "SELECT v FROM Venue v ORDER BY v.kind, v.code")
public class Venue {

    public static final int NAME_LENGTH = 255;
    public static final int ADDRESS_LENGTH = 255;
    /** More seats than any hall of the province has: a larger number is a typing slip. */
    public static final int MAX_SEATS = 5000;

    public static final String FIND_BY_CODE = "Venue.findByCode";
    public static final String ALL = "Venue.all";

    @Id
    @SequenceGenerator(name = "venue_seq", sequenceName = "venue_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "venue_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VenueKind kind;

    @Column(nullable = false)
    private int seats;

    @Column(length = ADDRESS_LENGTH)
    private String address;

    @Version
    private long version;

    protected Venue() {
    }

    Venue(String code, String name, VenueKind kind, int seats, String address) {
        this.code = code;
        change(name, kind, seats, address);
    }

    /** Whether the values differ from what is kept. */
    boolean differs(String name, VenueKind kind, int seats, String address) {
        return !this.name.equals(name) || this.kind != kind || this.seats != seats
                || !Objects.equals(this.address, address);
    }

    void change(String name, VenueKind kind, int seats, String address) {
        this.name = name;
        this.kind = kind;
        this.seats = seats;
        this.address = address;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public VenueKind getKind() {
        return kind;
    }

    public int getSeats() {
        return seats;
    }

    public String getAddress() {
        return address;
    }
}
