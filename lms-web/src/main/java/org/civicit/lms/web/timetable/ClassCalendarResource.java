package org.civicit.lms.web.timetable;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.civicit.lms.roster.Official;
import org.civicit.lms.timetable.ClassSession;
import org.civicit.lms.timetable.SessionCalendar;
import org.civicit.lms.timetable.Timetable;
import org.civicit.lms.web.ContentDisposition;
import org.civicit.lms.web.security.Caller;

/** A class's timetable as an iCalendar file, for those who run the class and those who sit in it. */
@Path("offerings/{code}/calendar.ics")
@RequestScoped
public class ClassCalendarResource {

    @Inject
    Timetable timetable;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public Response calendar(@PathParam("code") String code) {
        List<ClassSession> sessions = timetable.forCalendar(code, caller.username(), caller.isAdmin(),
                caller.official().map(Official::getId).orElse(null));
        StreamingOutput body = out -> SessionCalendar.write(sessions, code, out);
        return Response.ok(body, SessionCalendar.MEDIA_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment(code + ".ics")).build();
    }
}
