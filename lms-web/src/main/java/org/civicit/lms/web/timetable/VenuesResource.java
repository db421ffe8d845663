package org.civicit.lms.web.timetable;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.timetable.Venue;
import org.civicit.lms.timetable.VenueImport;
import org.civicit.lms.timetable.VenueKind;
import org.civicit.lms.timetable.Venues;
import org.civicit.lms.web.QueryParams;

/** Halls, computer rooms and video-conference points: the admin keeps them, those who plan classes read them. */
@Path("venues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VenuesResource {

    public record NewVenue(String code, String name, String kind, Integer seats, String address) {
    }

    public record VenueView(String code, String name, VenueKind kind, int seats, String address) {

        static VenueView of(Venue v) {
            return new VenueView(v.getCode(), v.getName(), v.getKind(), v.getSeats(), v.getAddress());
        }
    }

    @Inject
    Venues venues;

    @Inject
    VenueImport venueImport;

    @POST
    @RolesAllowed("ADMIN")
    public Response create(NewVenue body) {
        if (body == null) {
            throw new BusinessException.Invalid("timetable.venue.body");
        }
        VenueKind kind = QueryParams.enumValue("kind", body.kind(), VenueKind.class);
        Venue venue = venues.create(new Venues.Draft(body.code(), body.name(), kind, body.seats(), body.address()));
        return Response.created(URI.create("venues/" + venue.getCode())).entity(VenueView.of(venue)).build();
    }

    @GET
    @RolesAllowed({"ADMIN", "HR", "INSTRUCTOR"})
    public List<VenueView> all() {
        return venues.all().stream().map(VenueView::of).toList();
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed("ADMIN")
    public ImportResult importCsv(InputStream csv) {
        return venueImport.apply(csv);
    }
}
