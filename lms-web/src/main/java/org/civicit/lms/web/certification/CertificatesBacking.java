package org.civicit.lms.web.certification;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.certification.Certificate;
import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.CertificateStatus;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.CsvUpload;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code admin/certificates.xhtml}: the admin finds certificates by number, name or
 * agency, opens their PDF, revokes one with a reason, and imports earlier certificates.
 */
@Named
@ViewScoped
public class CertificatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    Certificates certificates;

    @Inject
    CertificateImport certificateImport;

    @Inject
    Roster roster;

    @Inject
    Caller caller;

    @Inject
    RequestOrigin origin;

    private final CsvUpload upload = new CsvUpload();
    private String text;
    private String agency;
    private List<Row> found = List.of();
    private String selected;
    private String reason;

    /** A certificate as the list shows it. */
    public record Row(String number, String fullName, String employeeCode, String agencyName, String programme,
            LocalDate issuedOn, LocalDate expiresOn, CertificateStatus status, String revokedReason)
            implements Serializable {
    }

    /** An agency to search in. */
    public record Choice(String code, String label) implements Serializable {
    }

    @PostConstruct
    void newest() {
        search();
    }

    public void search() {
        try {
            LocalDate today = certificates.today();
            found = certificates.search(Scope.ALL, text, agency, SHOWN + 1).stream().map(c -> row(c, today)).toList();
        } catch (BusinessException e) {
            found = List.of();
            PageMessages.refusal(e);
        }
    }

    private static Row row(Certificate c, LocalDate today) {
        return new Row(c.getNumber(), c.getOfficial().getFullName(), c.getOfficial().getEmployeeCode(),
                c.getOfficial().getAgency().getName(), c.getProgramme().getCode(), c.getIssuedOn(), c.getExpiresOn(),
                c.statusOn(today), c.getRevokedReason());
    }

    /** Opens a certificate to revoke it. */
    public void select(String number) {
        selected = number;
        reason = null;
    }

    public void revoke() {
        try {
            certificates.revoke(selected, reason, caller.username());
            PageMessages.info("admin_certificates.revoked", selected);
            selected = null;
            reason = null;
            search();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void close() {
        selected = null;
    }

    public void importFile() {
        upload.send(origin, csv -> certificateImport.apply(csv, caller.scope()));
        search();
    }

    /** The certificate being revoked, as it stands now. */
    public Row getCurrent() {
        return selected == null ? null : certificates.byNumber(selected).map(c -> row(c, certificates.today())).orElse(null);
    }

    public String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    public List<Choice> getAgencies() {
        return roster.agencies(Scope.ALL).stream()
                .map(a -> new Choice(a.getCode(), a.getName() + " (" + a.getCode() + ")"))
                .sorted((x, y) -> x.label().compareToIgnoreCase(y.label()))
                .toList();
    }

    public List<Row> getFound() {
        return found.size() > SHOWN ? found.subList(0, SHOWN) : found;
    }

    public boolean isMore() {
        return found.size() > SHOWN;
    }

    public CsvUpload getUpload() {
        return upload;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
