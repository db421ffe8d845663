package org.civicit.lms.web.certification;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.certification.TargetImport;
import org.civicit.lms.csv.ImportResult;

/** The province's certification targets; they apply to everyone, so the admin sets them. */
@Path("targets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TargetsResource {

    @Inject
    TargetImport targetImport;

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed("ADMIN")
    public ImportResult importCsv(InputStream csv) {
        return targetImport.apply(csv);
    }
}
