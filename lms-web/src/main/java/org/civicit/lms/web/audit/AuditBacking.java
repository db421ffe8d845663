package org.civicit.lms.web.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditEntry;
import org.civicit.lms.audit.AuditQuery;
import org.civicit.lms.audit.AuditTrail;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.ContentDisposition;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.problem.PageMessages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Behind {@code admin/audit.xhtml}: the admin reads who did what, filters it, and downloads it. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    @Inject
    AuditTrail trail;

    private String from;
    private String to;
    private String actor;
    private AuditAction action;
    private String subject;

    /** The query the filters make, or none when one of them cannot be read ({@link #search} says why). */
    private AuditQuery query() {
        try {
            return new AuditQuery(day(from), day(to), blankToNull(actor), action, blankToNull(subject));
        } catch (BusinessException e) {
            return null;
        }
    }

    /** Shows the entries the filters pick, or tells what is wrong with a filter. */
    public void search() {
        try {
            new AuditQuery(day(from), day(to), blankToNull(actor), action, blankToNull(subject));
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    private final LazyDataModel<AuditEntry> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            AuditQuery query = query();
            return query == null ? 0 : (int) Math.min(Integer.MAX_VALUE, trail.page(query, 1, 1).total());
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sort,
                Map<String, FilterMeta> filters) {
            AuditQuery query = query();
            return query == null ? List.of() : trail.page(query, first / pageSize + 1, pageSize).items();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.id());
        }
    };

    /** The whole selection as CSV, straight to the response. */
    public void downloadCsv() throws IOException {
        AuditQuery query = query();
        if (query == null) {
            search();
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(Tables.CSV);
        external.setResponseHeader("Content-Disposition", ContentDisposition.attachment("audit.csv"));
        try (OutputStream stream = external.getResponseOutputStream()) {
            Tables.write(stream, false, "audit", AuditResource.HEADER, out -> trail.each(query, entry -> out.row(
                    entry.at(), entry.actor(), entry.address(), entry.action().name(), entry.subject(),
                    entry.details())));
        }
        faces.responseComplete();
    }

    public String when(AuditEntry entry) {
        return entry.at().format(MOMENT);
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException.Invalid("admin_audit.badDate", text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
