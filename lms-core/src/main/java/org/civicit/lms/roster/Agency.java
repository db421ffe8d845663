package org.civicit.lms.roster;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A body of the Party or the State at one level: a department, a district People's
 * Committee, a commune Party committee. Written by {@link AgencyImport}, read here.
 */
@Entity
@Table(name = "agency")
@NamedQuery(name = Agency.FIND_BY_CODE, query = "SELECT a FROM Agency a WHERE a.code = :code")
@NamedQuery(name = Agency.FIND_IN_SCOPE,
        query = "SELECT a FROM Agency a LEFT JOIN FETCH a.parent WHERE a.path LIKE :pathPattern ORDER BY a.code")
public class Agency implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FIND_BY_CODE = "Agency.findByCode";
    public static final String FIND_IN_SCOPE = "Agency.findInScope";
    public static final int NAME_LENGTH = 255;

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Agency parent;

    /** The administrative area it serves, as written in the import; null where it takes its parent's. */
    @Column(length = NAME_LENGTH)
    private String area;

    /** The ids from the root down to this agency, as {@code /1/7/42/}. */
    @Column(nullable = false)
    private String path;

    /** A deactivated agency keeps its history but is offered to no new official. */
    @Column(nullable = false)
    private boolean active = true;

    protected Agency() {
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

    public Level getLevel() {
        return level;
    }

    public Sector getSector() {
        return sector;
    }

    public Agency getParent() {
        return parent;
    }

    public String getArea() {
        return area;
    }

    public String getPath() {
        return path;
    }

    public boolean isActive() {
        return active;
    }
}
