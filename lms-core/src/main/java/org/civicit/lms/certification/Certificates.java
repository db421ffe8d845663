package org.civicit.lms.certification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;

/** The certificates officials hold: listing, public verification, revocation, renewals due. */
@ApplicationScoped
public class Certificates {

    private static final Logger LOG = Logger.getLogger(Certificates.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Roster roster;

    @Inject
    AuditLog audit;

    public LocalDate today() {
        return Today.date();
    }

    /** An official's certificates, newest first; the official must be in scope. */
    public List<Certificate> of(Scope scope, String employeeCode) {
        Official official = roster.official(scope, employeeCode)
                .orElseThrow(() -> new BusinessException.NotFound("roster.official.notFound", employeeCode));
        return em.createNamedQuery(Certificate.FIND_BY_OFFICIAL, Certificate.class)
                .setParameter("official", official)
                .getResultList();
    }

    /**
     * Certificates of officials in scope, newest first, at most {@code max}: the text is a
     * certificate number (whole, any case) or a part of an official's name or employee code
     * (accents ignored); the agency, when given, takes its subtree too.
     */
    public List<Certificate> search(Scope scope, String text, String agencyCode, int max) {
        String words = text == null || text.isBlank() ? null : text.strip();
        String agencyPath = null;
        if (agencyCode != null && !agencyCode.isBlank()) {
            agencyPath = roster.agency(scope, agencyCode.strip())
                    .orElseThrow(() -> new BusinessException.Invalid("roster.officials.unknownAgency", agencyCode))
                    .getPath();
        }
        TypedQuery<Certificate> query = em.createQuery("SELECT c FROM Certificate c JOIN FETCH c.official o"
                + " JOIN FETCH o.agency a JOIN FETCH c.programme WHERE a.path LIKE :scope"
                + (words == null ? "" : " AND (UPPER(c.number) = :number OR o.searchKey LIKE :name ESCAPE '\\')")
                + (agencyPath == null ? "" : " AND a.path LIKE :agency")
                + " ORDER BY c.issuedOn DESC, c.number", Certificate.class)
                .setParameter("scope", scope.pathPattern());
        if (words != null) {
            query.setParameter("number", words.toUpperCase(Locale.ROOT));
            query.setParameter("name", "%" + Official.fold(words).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (agencyPath != null) {
            query.setParameter("agency", agencyPath + "%");
        }
        return query.setMaxResults(max).getResultList();
    }

    public Optional<Certificate> byNumber(String number) {
        return em.createNamedQuery(Certificate.FIND_BY_NUMBER, Certificate.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** Withdraws a certificate for good, noting who did it and why. Revoking twice changes nothing. */
    @Transactional
    public Certificate revoke(String number, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > Certificate.REASON_LENGTH) {
            throw new BusinessException.Invalid("certification.revoke.reason", Certificate.REASON_LENGTH);
        }
        Certificate certificate = byNumber(number)
                .orElseThrow(() -> new BusinessException.NotFound("certification.notFound", number));
        if (certificate.getRevokedAt() == null) {
            certificate.revoke(by, reason.strip(), OffsetDateTime.now());
            spansChanged(certificate.getOfficial());
            audited(AuditAction.CERTIFICATE_REVOKED, certificate, "reason", reason.strip());
            LOG.info(() -> "Certificate " + number + " revoked by " + by + ": " + reason.strip());
        }
        return certificate;
    }

    /**
     * The certificate a passing exam attempt earns, issued once: asking again for the same
     * attempt returns the one already issued, unless it was revoked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Certificate issueForAttempt(Long attemptId, Official official, Programme programme) {
        Optional<Certificate> issued = forAttempt(attemptId).filter(c -> c.getRevokedAt() == null);
        if (issued.isPresent()) {
            return issued.get();
        }
        LocalDate today = today();
        Certificate certificate = Certificate.earnedBy(attemptId, CertificateNumbers.next(programme.getCode(), today),
                official, programme, today);
        em.persist(certificate);
        spansChanged(official);
        audited(AuditAction.CERTIFICATE_ISSUED, certificate, "attempt", attemptId);
        LOG.info(() -> "Certificate " + certificate.getNumber() + " issued for exam attempt " + attemptId);
        return certificate;
    }

    /**
     * The certificate of a programme whose every course an official completed; none is
     * added when the official already holds a valid one of the programme.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Certificate issueForProgramme(Official official, Programme programme) {
        LocalDate today = today();
        Optional<Certificate> valid = em.createNamedQuery(Certificate.FIND_BY_OFFICIAL, Certificate.class)
                .setParameter("official", official).getResultStream()
                .filter(c -> c.getProgramme().getId().equals(programme.getId()))
                .filter(c -> c.statusOn(today) == CertificateStatus.VALID)
                .findFirst();
        if (valid.isPresent()) {
            return valid.get();
        }
        Certificate certificate = new Certificate(CertificateNumbers.next(programme.getCode(), today), official,
                programme, today, Programme.expiryFor(today, programme.getValidityMonths()), CertificateSource.COURSE);
        em.persist(certificate);
        spansChanged(official);
        audited(AuditAction.CERTIFICATE_ISSUED, certificate, "source", CertificateSource.COURSE.name());
        LOG.info(() -> "Certificate " + certificate.getNumber() + " issued: every course of " + programme.getCode()
                + " completed by " + official.getEmployeeCode());
        return certificate;
    }

    /** Takes back a certificate whose attempt no longer passes after a regrade. */
    @Transactional(Transactional.TxType.MANDATORY)
    void revokeForRegrade(Certificate certificate, Long attemptId) {
        certificate.revoke("system", "Regrade: exam attempt " + attemptId + " no longer passes", OffsetDateTime.now());
        spansChanged(certificate.getOfficial());
        audited(AuditAction.CERTIFICATE_REVOKED, certificate, "attempt", attemptId);
        LOG.info(() -> "Certificate " + certificate.getNumber() + " revoked: attempt " + attemptId + " no longer passes");
    }

    /**
     * Takes back the still valid certificates of a programme that an official earned by completing
     * its courses, once one of those courses is no longer complete.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void revokeEarnedByCourses(Official official, Programme programme, String courseCode) {
        LocalDate today = today();
        em.createNamedQuery(Certificate.FIND_BY_OFFICIAL, Certificate.class)
                .setParameter("official", official).getResultStream()
                .filter(c -> c.getProgramme().getId().equals(programme.getId()))
                .filter(c -> c.getSource() == CertificateSource.COURSE)
                .filter(c -> c.statusOn(today) == CertificateStatus.VALID)
                .forEach(c -> {
                    c.revoke("system", "Regrade: course " + courseCode + " is no longer complete", OffsetDateTime.now());
                    audited(AuditAction.CERTIFICATE_REVOKED, c, "course", courseCode);
                    LOG.info(() -> "Certificate " + c.getNumber() + " revoked: course " + courseCode
                            + " of " + official.getEmployeeCode() + " is no longer complete");
                });
        spansChanged(official);
    }

    /**
     * Brings the official's spans in line with the certificates this transaction changed,
     * on the transaction's own connection, once the changes are written to it.
     */
    private void spansChanged(Official official) {
        em.flush();
        try {
            CertificationSpans.refresh(em.unwrap(Connection.class), List.of(official.getId()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the certification spans of " + official.getEmployeeCode()
                    + " up to date", e);
        }
    }

    private void audited(AuditAction action, Certificate certificate, String why, Object value) {
        audit.record(action, "certificate:" + certificate.getNumber(), Details.of("official",
                certificate.getOfficial().getEmployeeCode(), "programme", certificate.getProgramme().getCode(), why, value));
    }

    /** The newest certificate an attempt earned, if any. */
    public Optional<Certificate> forAttempt(Long attemptId) {
        return em.createNamedQuery(Certificate.FIND_BY_ATTEMPT, Certificate.class)
                .setParameter("attempt", attemptId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Valid certificates of a programme that expire within its renewal window, for
     * officials in scope who hold no newer certificate reaching beyond it.
     */
    public List<Certificate> dueForRenewal(Scope scope, String programmeCode) {
        Programme programme = em.createNamedQuery(Programme.FIND_BY_CODE, Programme.class)
                .setParameter("code", programmeCode)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException.Invalid("reporting.unknownProgramme", programmeCode));
        LocalDate today = today();
        LocalDate until = today.plusDays(programme.getRenewalWindowDays());
        return em.createQuery("""
                SELECT c FROM Certificate c JOIN FETCH c.official o JOIN FETCH o.agency a
                WHERE c.programme = :programme AND c.revokedAt IS NULL AND c.issuedOn <= :today
                  AND c.expiresOn >= :today AND c.expiresOn <= :until
                  AND o.active = TRUE AND a.path LIKE :scope
                  AND NOT EXISTS (SELECT n FROM Certificate n WHERE n.official = o AND n.programme = :programme
                                  AND n.revokedAt IS NULL AND n.issuedOn <= :today
                                  AND (n.expiresOn IS NULL OR n.expiresOn > :until))
                ORDER BY c.expiresOn, o.employeeCode""", Certificate.class)
                .setParameter("programme", programme)
                .setParameter("today", today)
                .setParameter("until", until)
                .setParameter("scope", scope.pathPattern())
                .getResultList();
    }
}
