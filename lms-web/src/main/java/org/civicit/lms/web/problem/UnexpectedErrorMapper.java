package org.civicit.lms.web.problem;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything no other mapper knows. What is the caller's fault (unreadable JSON, a value
 * that fails validation) or a clash with a concurrent change is told as such; the rest is
 * a server error, logged with an id that the answer carries, never with a stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.among(e);
        if (tooLarge.isPresent()) {
            return BodyTooLargeException.problem(locale, tooLarge.get().limit()).toResponse(locale);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problem.of(locale, Status.BAD_REQUEST, "malformed-json",
                        Messages.text(locale, "problem.malformed-json.detail")).toResponse(locale);
            }
            if (cause instanceof ConstraintViolationException violation) {
                return Problem.of(locale, ProblemStatus.UNPROCESSABLE, "invalid-input",
                        violation.getConstraintViolations().stream()
                                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                                .reduce((a, b) -> a + "; " + b).orElse(""))
                        .toResponse(locale);
            }
            if (cause instanceof OptimisticLockException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Problem.of(locale, Status.CONFLICT, "conflict",
                        Messages.text(locale, "problem.concurrent-change.detail")).toResponse(locale);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId, e);
        return Problem.of(locale, Status.INTERNAL_SERVER_ERROR, "server-error",
                        Messages.text(locale, "problem.server-error.detail", errorId))
                .withErrorId(errorId)
                .toResponse(locale);
    }
}
