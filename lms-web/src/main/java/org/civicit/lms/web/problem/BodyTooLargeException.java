package org.civicit.lms.web.problem;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request body longer than its limit, thrown while it is read (see {@code BodyLimits}). A
 * runtime exception, so that no reader on the way mistakes it for broken content.
 */
public class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("Request body over " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The 413 problem, whether the body was refused by its length or while being read. */
    public static Problem problem(Locale locale, long limit) {
        return Problem.of(locale, Status.REQUEST_ENTITY_TOO_LARGE, "too-large",
                Messages.text(locale, "problem.too-large.detail", Math.max(1, limit / (1024 * 1024))));
    }

    /** This exception among the causes of {@code e}, as readers and the runtime wrap what the stream threw. */
    static Optional<BodyTooLargeException> among(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
