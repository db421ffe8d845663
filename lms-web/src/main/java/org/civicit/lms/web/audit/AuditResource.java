package org.civicit.lms.web.audit;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditEntry;
import org.civicit.lms.audit.AuditQuery;
import org.civicit.lms.audit.AuditTrail;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.Tables;

/** The audit log for the admin: a page of it as JSON, or the whole selection as CSV ({@code format=csv}). */
@Path("audit")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, Tables.CSV})
@RolesAllowed("ADMIN")
public class AuditResource {

    static final String[] HEADER = {"occurred_at", "actor", "address", "action", "subject", "details"};

    /** An entry as shown: its details as the JSON object they are. */
    public record EntryView(long id, OffsetDateTime at, String actor, String address, AuditAction action,
            String subject, JsonValue details) {

        static EntryView of(AuditEntry entry) {
            return new EntryView(entry.id(), entry.at(), entry.actor(), entry.address(), entry.action(),
                    entry.subject(), entry.details() == null ? null
                            : Json.createReader(new StringReader(entry.details())).readValue());
        }
    }

    public record Found(long total, List<EntryView> items) {
    }

    @Inject
    AuditTrail trail;

    @GET
    public Response search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subject") String subject, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("format") String format) {
        AuditQuery query = new AuditQuery(QueryParams.date("from", from, null), QueryParams.date("to", to, null),
                QueryParams.blankToNull(actor), QueryParams.enumValue("action", action, AuditAction.class),
                QueryParams.blankToNull(subject));
        String asked = QueryParams.blankToNull(format);
        if (asked != null && !asked.toLowerCase(Locale.ROOT).equals("csv")) {
            throw new BusinessException.Invalid("audit.format", asked);
        }
        if (asked != null) {
            return Tables.download(false, "audit", HEADER, out -> trail.each(query, entry -> out.row(entry.at(),
                    entry.actor(), entry.address(), entry.action().name(), entry.subject(), entry.details())));
        }
        AuditTrail.Found found = trail.page(query, QueryParams.integer("page", page, 1),
                QueryParams.integer("size", size, 50));
        return Response.ok(new Found(found.total(), found.items().stream().map(EntryView::of).toList()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
