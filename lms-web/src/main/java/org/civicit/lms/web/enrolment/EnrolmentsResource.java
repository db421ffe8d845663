package org.civicit.lms.web.enrolment;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.enrolment.EnrolmentImport;
import org.civicit.lms.web.security.Caller;

/** Enrolment from a spreadsheet: the officials of HR's subtree into classes. */
@Path("enrolments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentsResource {

    @Inject
    EnrolmentImport enrolmentImport;

    @Inject
    Caller caller;

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({"ADMIN", "HR"})
    public ImportResult importCsv(InputStream csv) {
        return enrolmentImport.apply(csv, caller.scope());
    }
}
