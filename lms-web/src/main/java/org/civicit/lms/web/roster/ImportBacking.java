package org.civicit.lms.web.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.TargetImport;
import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code hr/import.xhtml}: HR sends a spreadsheet saved as CSV and sees either what
 * changed or every problem with its line and column, exactly as the API reports them.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The files the page takes, and whether only the admin may send them. */
    public enum Kind {
        OFFICIALS(false), AGENCIES(true), CERTIFICATES(false), TARGETS(true);

        private final boolean adminOnly;

        Kind(boolean adminOnly) {
            this.adminOnly = adminOnly;
        }
    }

    /** A problem of the file as the page lists it. */
    public record Problem(long line, String column, String message) implements Serializable {
    }

    @Inject
    AgencyImport agencyImport;

    @Inject
    OfficialImport officialImport;

    @Inject
    CertificateImport certificateImport;

    @Inject
    TargetImport targetImport;

    @Inject
    Caller caller;

    @Inject
    RequestOrigin origin;

    private Kind kind = Kind.OFFICIALS;
    private transient Part file;
    private ImportResult result;
    private List<Problem> problems = List.of();
    private int problemCount;

    public void importFile() {
        result = null;
        problems = List.of();
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        if (kind.adminOnly && !caller.isAdmin()) {
            faces.addMessage(null, error(Messages.text(locale, "hr_import.adminOnly")));
            return;
        }
        origin.upload(file.getSubmittedFileName());
        try (InputStream csv = file.getInputStream()) {
            result = switch (kind) {
                case OFFICIALS -> officialImport.apply(csv, caller.scope());
                case AGENCIES -> agencyImport.apply(csv);
                case CERTIFICATES -> certificateImport.apply(csv, caller.scope());
                case TARGETS -> targetImport.apply(csv);
            };
        } catch (CsvRejectedException e) {
            problemCount = e.total();
            problems = e.errors().stream()
                    .map(err -> new Problem(err.line(), err.column(),
                            Messages.text(locale, err.messageKey(), err.arguments())))
                    .toList();
        } catch (BusinessException e) {
            faces.addMessage(null, error(Messages.text(locale, e.messageKey(), e.arguments())));
        } catch (IOException e) {
            faces.addMessage(null, error(Messages.text(locale, "hr_import.unreadable")));
        }
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    public Kind[] getKinds() {
        return Kind.values();
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public ImportResult getResult() {
        return result;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public int getProblemCount() {
        return problemCount;
    }
}
