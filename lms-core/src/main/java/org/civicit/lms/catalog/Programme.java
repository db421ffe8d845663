package org.civicit.lms.catalog;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Position;

/** A training programme that leads to a certificate: BASIC-IT, CIO or IT-SPECIALIST. */
@Entity
@Table(name = "programme")
@NamedQuery(name = Programme.FIND_BY_CODE, query = "SELECT p FROM Programme p WHERE p.code = :code")
@NamedQuery(name = Programme.FIND_ALL, query = "SELECT p FROM Programme p ORDER BY p.id")
public class Programme {

    public static final String FIND_BY_CODE = "Programme.findByCode";
    /** BASIC-IT first, as the province lists them. */
    public static final String FIND_ALL = "Programme.findAll";
    public static final int MAX_VALIDITY_MONTHS = 600;
    public static final int MAX_RENEWAL_WINDOW_DAYS = 3650;

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "validity_months")
    private Integer validityMonths;

    @Column(name = "renewal_window_days", nullable = false)
    private int renewalWindowDays;

    @Column(name = "min_pass_percent", nullable = false)
    private double minPassPercent = 50;

    /** Comma-separated positions the programme admits; {@code null} admits everyone. */
    @Column(name = "admitted_positions")
    private String admittedPositions;

    protected Programme() {
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    /** Whether an official in this position may enrol in the programme's classes. */
    public boolean admits(Position position) {
        return admittedPositions == null || List.of(admittedPositions.split(",")).contains(position.name());
    }

    public String getAdmittedPositions() {
        return admittedPositions;
    }

    public Integer getValidityMonths() {
        return validityMonths;
    }

    /** The lowest pass mark a certifying assessment of this programme may set, overall and for each part. */
    public double getMinPassPercent() {
        return minPassPercent;
    }

    public int getRenewalWindowDays() {
        return renewalWindowDays;
    }

    /**
     * Sets how long its certificates stay valid ({@code null}: for ever), how many days before
     * expiry a renewal is due, and the lowest pass mark of a certifying exam. Certificates
     * already issued keep their expiry date; exams keep their pass mark until they are edited.
     */
    public void changeTerms(Integer validityMonths, int renewalWindowDays, double minPassPercent) {
        checkTerms(validityMonths, renewalWindowDays, minPassPercent);
        this.validityMonths = validityMonths;
        this.renewalWindowDays = renewalWindowDays;
        this.minPassPercent = minPassPercent;
    }

    static void checkTerms(Integer validityMonths, int renewalWindowDays, double minPassPercent) {
        if (validityMonths != null && (validityMonths < 1 || validityMonths > MAX_VALIDITY_MONTHS)) {
            throw new BusinessException.Invalid("catalog.programme.validity", MAX_VALIDITY_MONTHS);
        }
        if (renewalWindowDays < 0 || renewalWindowDays > MAX_RENEWAL_WINDOW_DAYS) {
            throw new BusinessException.Invalid("catalog.programme.renewalWindow", MAX_RENEWAL_WINDOW_DAYS);
        }
        if (Double.isNaN(minPassPercent) || minPassPercent < 0 || minPassPercent > 100) {
            throw new BusinessException.Invalid("catalog.programme.minPass");
        }
    }

    /** The last day a certificate issued on that day is valid; {@code null} when it never expires. */
    public static LocalDate expiryFor(LocalDate issuedOn, Integer validityMonths) {
        return validityMonths == null ? null : issuedOn.plusMonths(validityMonths).minusDays(1);
    }
}
