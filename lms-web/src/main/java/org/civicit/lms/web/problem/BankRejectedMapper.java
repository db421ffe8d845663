package org.civicit.lms.web.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.assessment.gift.BankRejectedException;

/** A rejected question bank: its problems (the first thousand) at the lines where their questions start; nothing was written. */
@Provider
public class BankRejectedMapper implements ExceptionMapper<BankRejectedException> {

    public record LineError(int line, String message) {
    }

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(BankRejectedException e) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<LineError> errors = e.errors().stream()
                .map(error -> new LineError(error.line(), Messages.text(locale, error.messageKey(), error.arguments())))
                .toList();
        String detail = Messages.text(locale, "problem.bank-invalid.detail", e.total());
        if (e.total() > errors.size()) {
            detail += " " + Messages.text(locale, "problem.bank-invalid.truncated", errors.size());
        }
        return Problem.of(locale, ProblemStatus.UNPROCESSABLE, "bank-invalid", detail)
                .withErrors(errors)
                .toResponse(locale);
    }
}
