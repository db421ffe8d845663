package org.civicit.lms.web.roster;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.security.Caller;

/** Officials within the caller's scope: search, one by code, import, and their login password. */
@Path("officials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OfficialsResource {

    /** What the search answers: every match counted, one page of them listed. */
    public record Found(long total, List<OfficialView> items) {
    }

    /** The body of a password change. */
    public record NewPassword(String password) {
    }

    @Inject
    Roster roster;

    @Inject
    OfficialImport officialImport;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"ADMIN", "HR"})
    public Found search(@QueryParam("level") String level, @QueryParam("agency") String agency,
            @QueryParam("includeSubtree") String includeSubtree, @QueryParam("position") String position,
            @QueryParam("q") String text, @QueryParam("active") String active,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        OfficialQuery query = new OfficialQuery(
                QueryParams.enumValue("level", level, Level.class),
                null,
                QueryParams.blankToNull(agency),
                QueryParams.bool("includeSubtree", includeSubtree, true),
                QueryParams.enumValue("position", position, Position.class),
                QueryParams.blankToNull(text),
                "all".equalsIgnoreCase(active) ? null : QueryParams.bool("active", active, true));
        var found = roster.officials(caller.scope(), query, QueryParams.integer("page", page, 1),
                QueryParams.integer("size", size, 50));
        return new Found(found.total(), found.items().stream().map(OfficialView::of).toList());
    }

    /** An official in scope; a trainee may look up themselves. */
    @GET
    @Path("{code}")
    @RolesAllowed({"ADMIN", "HR", "TRAINEE"})
    public OfficialView one(@PathParam("code") String code) {
        Scope visible = caller.isOfficial(code) ? Scope.ALL : caller.scope();
        return roster.official(visible, code).map(OfficialView::of)
                .orElseThrow(() -> new BusinessException.NotFound("roster.official.notFound", code));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({"ADMIN", "HR"})
    public ImportResult importCsv(InputStream csv) {
        return officialImport.apply(csv, caller.scope());
    }

    @PUT
    @Path("{code}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "HR"})
    public Response setPassword(@PathParam("code") String code, NewPassword body) {
        accounts.setOfficialPassword(caller.scope(), caller.isAdmin(), code,
                body == null ? null : body.password());
        return Response.noContent().build();
    }
}
