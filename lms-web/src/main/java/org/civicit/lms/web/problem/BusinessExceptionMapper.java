package org.civicit.lms.web.problem;

import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.platform.BusinessException;

/** A refusal by the rules, told in the caller's language. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(BusinessException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String detail = Messages.text(locale, e.messageKey(), e.arguments());
        Problem problem;
        if (e instanceof BusinessException.NotFound) {
            problem = Problem.of(locale, Status.NOT_FOUND, "not-found", detail);
        } else if (e instanceof BusinessException.Forbidden) {
            problem = Problem.of(locale, Status.FORBIDDEN, "forbidden", detail);
        } else if (e instanceof BusinessException.Conflict) {
            problem = Problem.of(locale, Status.CONFLICT, "conflict", detail);
        } else {
            problem = Problem.of(locale, ProblemStatus.UNPROCESSABLE, "invalid-input", detail);
        }
        return problem.toResponse(locale);
    }
}
