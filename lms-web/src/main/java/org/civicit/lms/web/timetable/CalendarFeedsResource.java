package org.civicit.lms.web.timetable;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.CalendarFeeds;
import org.civicit.lms.timetable.SessionCalendar;
import org.civicit.lms.web.security.Caller;

/**
 * Private calendar feeds: a trainee or instructor asks for a secret link (asking again renews
 * it, and the old one stops working) and gives it to a calendar program, which reads it
 * without logging in.
 */
@Path("calendar/feed")
@RequestScoped
public class CalendarFeedsResource {

    /** The secret link; shown once, as only its hash is kept. */
    public record FeedLink(String url) {
    }

    @Inject
    CalendarFeeds feeds;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR", "TRAINEE"})
    public Response renew() {
        String token = feeds.renew(caller.username());
        URI link = uri.getBaseUriBuilder().path("calendar/feed/{token}.ics").build(token);
        return Response.created(link).entity(new FeedLink(link.toString())).build();
    }

    @GET
    @Path("{token}.ics")
    @PermitAll
    public Response feed(@PathParam("token") String token) {
        CalendarFeeds.Feed feed = feeds.feed(token)
                .orElseThrow(() -> new BusinessException.NotFound("timetable.feed.notFound"));
        StreamingOutput body = out -> SessionCalendar.write(feed.sessions(), feed.exams(), "LMS", out);
        return Response.ok(body, SessionCalendar.MEDIA_TYPE).header("Cache-Control", "private, no-store").build();
    }
}
