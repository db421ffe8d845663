package org.civicit.lms.web.timetable;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.AttendanceImport;
import org.civicit.lms.timetable.AttendanceRegister;
import org.civicit.lms.timetable.AttendanceStatus;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.timetable.SelfCheckIn;
import org.civicit.lms.timetable.Timetable;
import org.civicit.lms.timetable.Venue;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sessions of a class, and who came to each: those who run the class plan them, its instructors mark them. */
@Path("offerings/{code}/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR", "INSTRUCTOR"})
public class SessionsResource {

    /** The body of a new session: local times of the province, a venue, the points that join by video. */
    public record NewSession(LocalDateTime startsAt, LocalDateTime endsAt, String venue, List<String> videoPoints) {
    }

    public record SessionView(long id, LocalDateTime startsAt, LocalDateTime endsAt, String venue, String venueName,
                              List<String> videoPoints, boolean cancelled, int marked, int attended) {

        static SessionView of(ClassSession s, int marked, int attended) {
            return new SessionView(s.getId(), s.getStartsAt(), s.getEndsAt(), s.getVenue().getCode(),
                    s.getVenue().getName(), s.getVideoPoints().stream().map(Venue::getCode).sorted().toList(),
                    s.isCancelled(), marked, attended);
        }
    }

    static final String[] MARKS_HEADER = {"employee_code", "full_name", "status"};

    /** One line of the attendance of a session. */
    public record MarkBody(String employeeCode, String status) {
    }

    /** The code to show in the room, the link of the check-in page that carries it, and when it stops being taken. */
    public record CheckInCodeView(String code, String url, Instant expiresAt) {
    }

    /** A code scanned by a trainee. */
    public record CheckInBody(String code) {
    }

    static final String SVG = "image/svg+xml";

    @Inject
    Timetable timetable;

    @Inject
    SelfCheckIn checkIns;

    @Inject
    @ConfigProperty(name = "lms.public.url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @Inject
    AttendanceRegister register;

    @Inject
    AttendanceImport attendanceImport;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @POST
    public Response add(@PathParam("code") String code, NewSession body) {
        if (body == null) {
            throw new BusinessException.Invalid("timetable.session.times");
        }
        ClassSession session = timetable.add(code, body.startsAt(), body.endsAt(), body.venue(), body.videoPoints(),
                caller.username(), caller.isAdmin());
        return Response.created(URI.create("offerings/" + code + "/sessions/" + session.getId()))
                .entity(SessionView.of(session, 0, 0)).build();
    }

    @GET
    public List<SessionView> all(@PathParam("code") String code) {
        return timetable.sessions(code, caller.username(), caller.isAdmin()).stream()
                .map(c -> SessionView.of(c.session(), c.marked(), c.attended())).toList();
    }

    /** Calls a session off: it stays in the list and the calendars, marked cancelled. */
    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("code") String code, @PathParam("id") long id) {
        timetable.cancel(code, id, caller.username(), caller.isAdmin());
        return Response.noContent().build();
    }

    /** A session's register as a spreadsheet: {@code employee_code,status}, every line checked before any is written. */
    @PUT
    @Path("{id}/attendance")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public ImportResult importMarks(@PathParam("code") String code, @PathParam("id") long id, InputStream csv) {
        return attendanceImport.apply(code, id, csv, caller.username(), caller.isAdmin());
    }

    /** A trainee with a seat and its mark at one session ({@code null}: not marked). */
    public record MarkView(String employeeCode, String fullName, AttendanceStatus status) {
    }

    /** One session's marks, every trainee with a seat (unmarked: no status); CSV as the class's attendance is. */
    @GET
    @Path("{id}/attendance")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response marks(@PathParam("code") String code, @PathParam("id") long id,
            @QueryParam("format") String format) {
        List<MarkView> marks = register.sheet(code, id, caller.username(), caller.isAdmin()).stream()
                .map(line -> new MarkView(line.official().getEmployeeCode(), line.official().getFullName(),
                        line.status()))
                .toList();
        if (!AttendanceResource.csv(format, headers)) {
            return Response.ok(marks, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Tables.download(false, "attendance-" + code + "-" + id, MARKS_HEADER,
                out -> marks.forEach(m -> out.row(m.employeeCode(), m.fullName(), m.status())));
    }

    @PUT
    @Path("{id}/attendance")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public Response mark(@PathParam("code") String code, @PathParam("id") long id, List<MarkBody> body) {
        List<AttendanceRegister.Mark> marks = body == null ? List.of() : body.stream()
                .map(m -> m == null ? null : new AttendanceRegister.Mark(QueryParams.blankToNull(m.employeeCode()),
                        QueryParams.enumValue("status", m.status(), AttendanceStatus.class)))
                .toList();
        register.mark(code, id, marks, caller.username(), caller.isAdmin());
        return Response.noContent().build();
    }

    /**
     * The session's check-in code now, for the class's instructors and the admin while it runs:
     * as JSON, or with {@code format=svg} as the QR code of its link.
     */
    @GET
    @Path("{id}/check-in-code")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    @Produces({MediaType.APPLICATION_JSON, SVG})
    public Response checkInCode(@PathParam("code") String code, @PathParam("id") long id,
            @QueryParam("format") String format) {
        boolean svg = switch (QueryParams.blankToNull(format) == null ? "json" : format.strip()) {
            case "json" -> false;
            case "svg" -> true;
            default -> throw new BusinessException.Invalid("reporting.format", format);
        };
        SelfCheckIn.Shown shown = checkIns.code(code, id, caller.username(), caller.isAdmin());
        String link = site().path("trainee/checkin.xhtml").queryParam("session", shown.session().getId())
                .queryParam("code", shown.code().code()).build().toString();
        if (svg) {
            return Response.ok(CheckInQr.svg(link), SVG).build();
        }
        return Response.ok(new CheckInCodeView(shown.code().code(), link, shown.code().expiresAt()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A trainee with a seat checks itself in with the code it scanned: present, unless already marked. */
    @POST
    @Path("{id}/check-in")
    @RolesAllowed("TRAINEE")
    public Response checkIn(@PathParam("code") String code, @PathParam("id") long id, CheckInBody body) {
        checkIns.checkIn(code, id, body == null ? null : body.code(), caller.trainee(), caller.username());
        return Response.noContent().build();
    }

    /** Where people reach the site: LMS_PUBLIC_URL, else the address this request came to. */
    private UriBuilder site() {
        return publicUrl.map(UriBuilder::fromUri).orElseGet(() -> uri.getBaseUriBuilder()
                .replacePath(uri.getBaseUri().getPath().replaceFirst("api/?$", "")));
    }
}
