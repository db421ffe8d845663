package org.civicit.lms.web.enrolment;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.enrolment.Enrolment;
import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.enrolment.OfferingTerms;
import org.civicit.lms.csv.EnumText;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Sector;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.security.Caller;

/** Classes and their lists: HR opens them and enrols the officials of its subtree. */
@Path("offerings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class OfferingsResource {

    /**
     * The body that opens a class. Optional terms: the days trainees may ask to join
     * ({@code enrolFrom}, {@code enrolUntil}), whether HR approves each request
     * ({@code needsApproval}), the instructors' usernames, and the share of sessions a trainee
     * must attend ({@code minAttendancePercent}; 80 for CIO and IT-SPECIALIST classes unless given).
     */
    public record NewOffering(String code, String course, String title, LocalDate startsOn, LocalDate endsOn,
                              Integer capacity, String place, LocalDate enrolFrom, LocalDate enrolUntil,
                              Boolean needsApproval, List<String> instructors, Integer minAttendancePercent) {
    }

    public record OfferingView(String code, String course, String programme, String title, LocalDate startsOn,
                               LocalDate endsOn, int capacity, String place, OfferingStatus status,
                               LocalDate enrolFrom, LocalDate enrolUntil, boolean needsApproval,
                               List<String> instructors, Integer minAttendancePercent) {

        static OfferingView of(Offering o) {
            OfferingTerms terms = o.terms();
            return new OfferingView(o.getCode(), o.getCourse().getCode(), o.getCourse().getProgramme().getCode(),
                    o.getTitle(), o.getStartsOn(), o.getEndsOn(), o.getCapacity(), o.getPlace(), o.getStatus(),
                    terms.enrolFrom(), terms.enrolUntil(), terms.needsApproval(), terms.instructors(),
                    o.getMinAttendancePercent());
        }
    }

    /** The body that opens, closes or cancels a class. */
    public record NewStatus(String status) {
    }

    /** The body of a single enrolment. */
    public record NewEnrolment(String employeeCode) {
    }

    public record EnrolmentView(String employeeCode, EnrolmentStatus status) {
    }

    /** The body of a bulk enrolment; every filter optional, but at least one given. */
    public record Bulk(String agency, Boolean includeSubtree, String level, String sector, String position,
                       Boolean preview) {
    }

    public record Ineligible(String employeeCode, String reason) {
    }

    public record BulkView(int enrolled, int waitlisted, int alreadyEnrolled, List<Ineligible> ineligible) {
    }

    public record ListEntry(String employeeCode, String fullName, EnrolmentStatus status, Integer waitlistPosition) {
    }

    @Inject
    Enrolments enrolments;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @POST
    public Response open(NewOffering body) {
        if (body == null) {
            throw new BusinessException.Invalid("roster.account.body");
        }
        Offering offering = enrolments.open(body.code(), body.course(), body.title(), body.startsOn(), body.endsOn(),
                body.capacity() == null ? 0 : body.capacity(), body.place(), new OfferingTerms(body.enrolFrom(),
                        body.enrolUntil(), Boolean.TRUE.equals(body.needsApproval()), body.instructors()),
                body.minAttendancePercent(), caller.username());
        return Response.created(URI.create("offerings/" + offering.getCode())).entity(OfferingView.of(offering)).build();
    }

    /** The classes a trainee may ask to join today, optionally of one course. */
    @GET
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public List<OfferingView> open(@QueryParam("course") String course) {
        return enrolments.openForRequests(QueryParams.blankToNull(course)).stream().map(OfferingView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public OfferingView one(@PathParam("code") String code) {
        return OfferingView.of(enrolments.offering(code));
    }

    @PUT
    @Path("{code}/status")
    public OfferingView status(@PathParam("code") String code, NewStatus body) {
        OfferingStatus status = QueryParams.enumValue("status", body == null ? null : body.status(), OfferingStatus.class);
        if (status == null) {
            throw new BusinessException.Invalid("query.enum", "status", "", EnumText.accepted(OfferingStatus.class));
        }
        return OfferingView.of(enrolments.status(code, status, caller.username(), caller.isAdmin()));
    }

    /**
     * A trainee asks to join: 201 with REQUESTED where HR approves requests, else ENROLLED
     * or WAITLISTED; asking again returns the place already held with 200.
     */
    @POST
    @Path("{code}/requests")
    @RolesAllowed("TRAINEE")
    public Response request(@PathParam("code") String code) {
        Official official = caller.trainee();
        Enrolments.Outcome outcome = enrolments.request(code, official);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new EnrolmentView(official.getEmployeeCode(), outcome.enrolment().getStatus()))
                .build();
    }

    @POST
    @Path("{code}/requests/{employeeCode}/approve")
    public EnrolmentView approve(@PathParam("code") String code, @PathParam("employeeCode") String employeeCode) {
        return new EnrolmentView(employeeCode, enrolments.decide(caller.scope(), code, employeeCode, true).getStatus());
    }

    @POST
    @Path("{code}/requests/{employeeCode}/reject")
    public EnrolmentView reject(@PathParam("code") String code, @PathParam("employeeCode") String employeeCode) {
        return new EnrolmentView(employeeCode, enrolments.decide(caller.scope(), code, employeeCode, false).getStatus());
    }

    /** 201 for a new enrolment; asking again returns the existing one with 200. */
    @POST
    @Path("{code}/enrolments")
    public Response enrol(@PathParam("code") String code, NewEnrolment body) {
        String employeeCode = body == null ? null : QueryParams.required("employeeCode", body.employeeCode());
        Enrolments.Outcome outcome = enrolments.enrol(caller.scope(), code, employeeCode);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new EnrolmentView(employeeCode, outcome.enrolment().getStatus()))
                .build();
    }

    @POST
    @Path("{code}/enrolments/bulk")
    public BulkView enrolAll(@PathParam("code") String code, Bulk body) {
        Bulk bulk = body == null ? new Bulk(null, null, null, null, null, null) : body;
        // Without any filter the caller's whole subtree would be enrolled: never what a clerk meant.
        if (Stream.of(bulk.agency(), bulk.level(), bulk.sector(), bulk.position()).allMatch(f -> QueryParams.blankToNull(f) == null)) {
            throw new BusinessException.Invalid("enrolment.bulk.noFilter");
        }
        OfficialQuery filter = new OfficialQuery(QueryParams.enumValue("level", bulk.level(), Level.class),
                QueryParams.enumValue("sector", bulk.sector(), Sector.class), QueryParams.blankToNull(bulk.agency()),
                bulk.includeSubtree() == null || bulk.includeSubtree(),
                QueryParams.enumValue("position", bulk.position(), Position.class), null, Boolean.TRUE);
        Enrolments.BulkResult result = enrolments.enrolAll(caller.scope(), code, filter, Boolean.TRUE.equals(bulk.preview()));
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return new BulkView(result.enrolled(), result.waitlisted(), result.alreadyEnrolled(), result.ineligible().stream()
                .map(r -> new Ineligible(r.employeeCode(), Messages.text(locale, r.messageKey(), r.arguments())))
                .toList());
    }

    @GET
    @Path("{code}/enrolments")
    public List<ListEntry> classList(@PathParam("code") String code) {
        List<ListEntry> entries = new ArrayList<>();
        int waiting = 0;
        for (Enrolment e : enrolments.classList(caller.scope(), code)) {
            boolean waitlisted = e.getStatus() == EnrolmentStatus.WAITLISTED;
            entries.add(new ListEntry(e.getOfficial().getEmployeeCode(), e.getOfficial().getFullName(), e.getStatus(),
                    waitlisted ? ++waiting : null));
        }
        return entries;
    }

    @DELETE
    @Path("{code}/enrolments/{employeeCode}")
    public Response withdraw(@PathParam("code") String code, @PathParam("employeeCode") String employeeCode) {
        enrolments.withdraw(caller.scope(), code, employeeCode);
        return Response.noContent().build();
    }
}
