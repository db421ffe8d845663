package org.civicit.lms.web.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@code Accept-Language} the runtime cannot read (such as {@code xx;q=abc}) is dropped
 * before anything asks for it, so the answer comes in Vietnamese instead of failing: every
 * filter and error mapper reads the caller's languages, and one that throws there would
 * turn any request into a server error.
 */
@Provider
@PreMatching
@Priority(0)
public class LanguageHeaderFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getAcceptableLanguages();
        } catch (RuntimeException unreadable) {
            request.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
