package org.civicit.lms.web.timetable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.FailReason;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.AttendanceRegister;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.security.Caller;

/** A class's attendance, trainee by trainee: as JSON, or as CSV with {@code format=csv} or {@code Accept: text/csv}. */
@Path("offerings/{code}/attendance")
@RequestScoped
@RolesAllowed({"ADMIN", "HR", "INSTRUCTOR"})
public class AttendanceResource {

    static final String[] HEADER = {"employee_code", "full_name", "attended", "sessions", "percent",
        "min_percent", "status", "failed_reason"};

    public record LineView(String employeeCode, String fullName, int attended, int sessions, BigDecimal percent,
                           Integer minPercent, EnrolmentStatus status, FailReason failedReason) {

        static LineView of(AttendanceRegister.Line line) {
            return new LineView(line.seat().getOfficial().getEmployeeCode(), line.seat().getOfficial().getFullName(),
                    line.share().attended(), line.share().sessions(), line.share().percent(),
                    line.share().minPercent(), line.seat().getStatus(), line.seat().getFailedReason());
        }
    }

    @Inject
    AttendanceRegister register;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response report(@PathParam("code") String code, @QueryParam("format") String format) {
        List<LineView> lines = register.report(code, caller.username(), caller.isAdmin()).stream().map(LineView::of)
                .toList();
        if (!csv(format, headers)) {
            return Response.ok(lines, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Tables.download(false, "attendance-" + code, HEADER, out -> lines.forEach(l -> out.row(
                l.employeeCode(), l.fullName(), l.attended(), l.sessions(), l.percent(), l.minPercent(),
                l.status(), l.failedReason())));
    }

    /** Whether the caller asked for CSV: {@code format=csv}, or {@code Accept: text/csv} without a format. */
    static boolean csv(String format, HttpHeaders headers) {
        if (QueryParams.blankToNull(format) != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BusinessException.Invalid("reporting.format", format);
            };
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.valueOf("text/csv")));
    }
}
