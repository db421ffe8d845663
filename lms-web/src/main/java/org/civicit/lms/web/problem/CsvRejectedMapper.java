package org.civicit.lms.web.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.csv.CsvError;
import org.civicit.lms.csv.CsvRejectedException;

/** A rejected file: every problem with its line and column, and the promise that nothing was written. */
@Provider
public class CsvRejectedMapper implements ExceptionMapper<CsvRejectedException> {

    /** One line of the answer; {@code column} is left out when the whole line is wrong. */
    public record LineError(long line, String column, String message) {
    }

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(CsvRejectedException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<LineError> errors = e.errors().stream()
                .map(error -> describe(error, locale))
                .toList();
        String detail = Messages.text(locale, "problem.csv-invalid.detail", e.total());
        if (e.total() > errors.size()) {
            detail += " " + Messages.text(locale, "problem.csv-invalid.truncated", errors.size());
        }
        return Problem.of(locale, ProblemStatus.UNPROCESSABLE, "csv-invalid", detail)
                .withErrors(errors)
                .toResponse(locale);
    }

    private static LineError describe(CsvError error, Locale locale) {
        return new LineError(error.line(), error.column(),
                Messages.text(locale, error.messageKey(), error.arguments()));
    }
}
