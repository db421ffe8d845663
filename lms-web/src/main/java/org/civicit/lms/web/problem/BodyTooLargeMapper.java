package org.civicit.lms.web.problem;

import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that grew past its limit while being read: 413, as when its length said so at once. */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(BodyTooLargeException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        return BodyTooLargeException.problem(locale, e.limit()).toResponse(locale);
    }
}
