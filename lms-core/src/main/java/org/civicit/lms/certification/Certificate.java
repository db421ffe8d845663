package org.civicit.lms.certification;

import java.time.OffsetDateTime;
import java.time.LocalDate;

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

import org.civicit.lms.catalog.Programme;
import org.civicit.lms.roster.Official;

/** Proof that an official completed a programme; public by its number for verification. */
@Entity
@Table(name = "certificate")
@NamedQuery(name = Certificate.FIND_BY_NUMBER,
        query = "SELECT c FROM Certificate c JOIN FETCH c.official o JOIN FETCH o.agency JOIN FETCH c.programme"
                + " WHERE c.number = :number")
@NamedQuery(name = Certificate.FIND_BY_ATTEMPT,
        query = "SELECT c FROM Certificate c WHERE c.attemptId = :attempt ORDER BY c.id DESC")
@NamedQuery(name = Certificate.FIND_BY_OFFICIAL,
        query = "SELECT c FROM Certificate c JOIN FETCH c.programme WHERE c.official = :official"
                + " ORDER BY c.issuedOn DESC, c.number")
public class Certificate {

    public static final String FIND_BY_NUMBER = "Certificate.findByNumber";
    public static final String FIND_BY_OFFICIAL = "Certificate.findByOfficial";
    public static final String FIND_BY_ATTEMPT = "Certificate.findByAttempt";
    public static final int REASON_LENGTH = 500;

    @Id
    @SequenceGenerator(name = "certificate_seq", sequenceName = "certificate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id")
    private Official official;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificateSource source;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by", length = 40)
    private String revokedBy;

    @Column(name = "revoked_reason", length = REASON_LENGTH)
    private String revokedReason;

    /** The exam attempt that earned it, when it was earned by one. */
    @Column(name = "attempt_id")
    private Long attemptId;

    @Version
    private long version;

    protected Certificate() {
    }

    public Certificate(String number, Official official, Programme programme, LocalDate issuedOn,
            LocalDate expiresOn, CertificateSource source) {
        this.number = number;
        this.official = official;
        this.programme = programme;
        this.issuedOn = issuedOn;
        this.expiresOn = expiresOn;
        this.source = source;
    }

    /** A certificate earned by a passing exam attempt. */
    public static Certificate earnedBy(Long attemptId, String number, Official official, Programme programme,
            LocalDate issuedOn) {
        Certificate certificate = new Certificate(number, official, programme, issuedOn,
                Programme.expiryFor(issuedOn, programme.getValidityMonths()), CertificateSource.EXAM);
        certificate.attemptId = attemptId;
        return certificate;
    }

    public CertificateStatus statusOn(LocalDate day) {
        if (revokedAt != null) {
            return CertificateStatus.REVOKED;
        }
        return Validity.validOn(day, issuedOn, expiresOn, false) ? CertificateStatus.VALID : CertificateStatus.EXPIRED;
    }

    void revoke(String by, String reason, OffsetDateTime at) {
        this.revokedAt = at;
        this.revokedBy = by;
        this.revokedReason = reason;
    }

    public String getNumber() {
        return number;
    }

    public Official getOfficial() {
        return official;
    }

    public Programme getProgramme() {
        return programme;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public CertificateSource getSource() {
        return source;
    }

    public String getRevokedReason() {
        return revokedReason;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }
}
