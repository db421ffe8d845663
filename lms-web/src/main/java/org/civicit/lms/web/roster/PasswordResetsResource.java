package org.civicit.lms.web.roster;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.civicit.lms.web.problem.Messages;

/**
 * A forgotten password, without logging in. The answer is the same whether or not the
 * account exists or has an address.
 */
@Path("password-resets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class PasswordResetsResource {

    /** The body: whose password. */
    public record ResetRequest(String username) {
    }

    @Inject
    ResetLinks links;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @POST
    public Response request(ResetRequest body) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        links.send(body == null ? null : body.username(),
                uri.getBaseUri().toString().replaceFirst("api/?$", ""));
        JsonObject answer = Json.createObjectBuilder().add("message", Messages.text(locale, "reset.requested")).build();
        return Response.accepted(answer).build();
    }
}
