package org.civicit.lms.web.certification;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.civicit.lms.certification.Certificate;
import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.CertificatePdf;
import org.civicit.lms.certification.CertificateStatus;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Certificates: earlier records imported, listed per official, verified by anyone, revoked by the admin. */
@Path("certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificatesResource {

    /** A certificate as its holder and HR see it. */
    public record CertificateView(String number, String programme, LocalDate issuedOn, LocalDate expiresOn,
                                  CertificateStatus status, String source, String revokedReason) {

        static CertificateView of(Certificate c, LocalDate today) {
            return new CertificateView(c.getNumber(), c.getProgramme().getCode(), c.getIssuedOn(), c.getExpiresOn(),
                    c.statusOn(today), c.getSource().name(), c.getRevokedReason());
        }
    }

    /** What anyone may learn from a certificate's number, and nothing more. */
    public record Verification(String number, boolean valid, CertificateStatus status, String holder,
                               String agency, String programme, String programmeName, LocalDate issuedOn,
                               LocalDate expiresOn) {
    }

    /** A certificate that expires soon, for HR to plan recertification. */
    public record DueForRenewal(String employeeCode, String fullName, String agencyCode, String number,
                                LocalDate expiresOn) {
    }

    /** The body of a revocation. */
    public record Revocation(String reason) {
    }

    @Inject
    Certificates certificates;

    @Inject
    CertificateImport certificateImport;

    @Inject
    Caller caller;

    @Context
    SecurityContext security;

    /** Where the public reaches the site, for the QR code; the request's own address otherwise. */
    @Inject
    @ConfigProperty(name = "lms.public.url")
    Optional<String> publicUrl;

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({"ADMIN", "HR"})
    public ImportResult importCsv(InputStream csv) {
        return certificateImport.apply(csv, caller.scope());
    }

    /** An official's certificates: ADMIN and HR in scope; a trainee its own. */
    @GET
    @RolesAllowed({"ADMIN", "HR", "TRAINEE"})
    public List<CertificateView> of(@QueryParam("employeeCode") String employeeCode) {
        String code = QueryParams.required("employeeCode", employeeCode);
        Scope visible = caller.isOfficial(code) ? Scope.ALL : caller.scope();
        LocalDate today = certificates.today();
        return certificates.of(visible, code).stream().map(c -> CertificateView.of(c, today)).toList();
    }

    @GET
    @Path("verify/{number}")
    @PermitAll
    public Verification verify(@PathParam("number") String number) {
        Certificate c = certificates.byNumber(number)
                .orElseThrow(() -> new BusinessException.NotFound("certification.notFound", number));
        CertificateStatus status = c.statusOn(certificates.today());
        return new Verification(c.getNumber(), status == CertificateStatus.VALID, status,
                c.getOfficial().getFullName(), c.getOfficial().getAgency().getName(), c.getProgramme().getCode(),
                c.getProgramme().getNameVi(), c.getIssuedOn(), c.getExpiresOn());
    }

    @POST
    @Path("{number}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public CertificateView revoke(@PathParam("number") String number, Revocation body) {
        Certificate revoked = certificates.revoke(number, body == null ? null : body.reason(),
                security.getUserPrincipal().getName());
        return CertificateView.of(revoked, certificates.today());
    }

    /**
     * The printable certificate, with a QR code to the verification page: for its holder,
     * and for the admin and HR in scope. A revoked certificate is not printed.
     */
    @GET
    @Path("{number}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({"ADMIN", "HR", "TRAINEE"})
    public Response pdf(@PathParam("number") String number, @Context UriInfo uri) {
        Certificate c = certificates.byNumber(number)
                .filter(found -> caller.isOfficial(found.getOfficial().getEmployeeCode())
                        || caller.scope().covers(found.getOfficial().getAgency()))
                .orElseThrow(() -> new BusinessException.NotFound("certification.notFound", number));
        if (c.statusOn(certificates.today()) == CertificateStatus.REVOKED) {
            throw new BusinessException.Conflict("certification.pdf.revoked", number);
        }
        UriBuilder site = publicUrl.map(UriBuilder::fromUri).orElseGet(() -> uri.getBaseUriBuilder()
                .replacePath(uri.getBaseUri().getPath().replaceFirst("api/?$", "")));
        String verification = site.path("verify.xhtml").queryParam("number", c.getNumber()).build().toString();
        CertificatePdf.Content content = new CertificatePdf.Content(c.getNumber(), c.getOfficial().getFullName(),
                c.getOfficial().getAgency().getName(), c.getProgramme().getNameVi(), c.getIssuedOn(),
                c.getExpiresOn(), verification);
        StreamingOutput body = out -> CertificatePdf.write(content, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + c.getNumber() + ".pdf\"")
                .build();
    }

    @GET
    @Path("due-for-renewal")
    @RolesAllowed({"ADMIN", "HR"})
    public List<DueForRenewal> dueForRenewal(@QueryParam("programme") String programme) {
        return certificates.dueForRenewal(caller.scope(), QueryParams.required("programme", programme)).stream()
                .map(c -> new DueForRenewal(c.getOfficial().getEmployeeCode(), c.getOfficial().getFullName(),
                        c.getOfficial().getAgency().getCode(), c.getNumber(), c.getExpiresOn()))
                .toList();
    }
}
