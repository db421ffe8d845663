package org.civicit.lms.web.problem;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.web.security.LmsAuthenticationMechanism;

/**
 * The HTTP-level refusals of JAX-RS itself (unknown path, wrong method or media type) as
 * problems. Headers the client needs, such as {@code Allow}, are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.among(e);
        if (tooLarge.isPresent()) {
            return BodyTooLargeException.problem(locale, tooLarge.get().limit()).toResponse(locale);
        }
        Response original = e.getResponse();
        String path = uri.getPath();
        Problem problem;
        if (e instanceof NotFoundException) {
            problem = Problem.of(locale, original.getStatusInfo(), "unknown-path",
                    Messages.text(locale, "problem.unknown-path.detail", path));
        } else if (e instanceof NotAllowedException) {
            problem = Problem.of(locale, original.getStatusInfo(), "method-not-allowed",
                    Messages.text(locale, "problem.method-not-allowed.detail", path,
                            String.join(", ", original.getAllowedMethods())));
        } else if (e instanceof NotSupportedException) {
            problem = Problem.of(locale, original.getStatusInfo(), "unsupported-media-type",
                    Messages.text(locale, "problem.unsupported-media-type.detail",
                            String.valueOf(headers.getMediaType())));
        } else if (e instanceof NotAcceptableException) {
            problem = Problem.of(locale, original.getStatusInfo(), "not-acceptable",
                    Messages.text(locale, "problem.not-acceptable.detail"));
        } else if (e instanceof NotAuthorizedException) {
            problem = Problem.of(locale, original.getStatusInfo(), "unauthorized",
                    Messages.text(locale, "problem.unauthorized.detail"));
        } else if (e instanceof ForbiddenException) {
            problem = Problem.of(locale, original.getStatusInfo(), "forbidden",
                    Messages.text(locale, "problem.forbidden.detail"));
        } else if (e instanceof BadRequestException) {
            problem = Problem.of(locale, original.getStatusInfo(), "bad-request",
                    Messages.text(locale, "problem.bad-request.detail"));
        } else {
            problem = Problem.of(locale, original.getStatusInfo(), "http",
                    original.getStatusInfo().getReasonPhrase());
        }
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse(locale));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (e instanceof NotAuthorizedException && original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, LmsAuthenticationMechanism.REALM);
        }
        return response.build();
    }
}
