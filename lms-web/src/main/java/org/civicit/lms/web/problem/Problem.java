package org.civicit.lms.web.problem;

import java.util.List;
import java.util.Locale;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: what went wrong, for the clerk ({@code detail}) and for the program
 * ({@code type}, {@code status}, {@code errors}). {@code errorId} ties a server error to its
 * log entry. Absent members are left out.
 */
public record Problem(String type, String title, int status, String detail, String errorId, List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A problem whose title and detail come from the bundle: {@code problem.<slug>.title}. */
    public static Problem of(Locale locale, Response.StatusType status, String slug, String detail) {
        return new Problem("urn:lms:problem:" + slug, Messages.text(locale, "problem." + slug + ".title"),
                status.getStatusCode(), detail, null, null);
    }

    public Problem withErrors(List<?> list) {
        return new Problem(type, title, status, detail, errorId, list);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, id, errors);
    }

    public String toJson() {
        return JSON.toJson(this);
    }

    public Response toResponse(Locale locale) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status, known != null ? known.getReasonPhrase() : ProblemStatus.reasonOf(status))
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(toJson())
                .build();
    }
}
