package org.civicit.lms.web.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.Problem;

/**
 * Cross-site request forgery guard for the API: a browser that is logged in (session
 * cookie, remembered Basic credentials) must not be made to change data by another
 * site. Browsers name the page's origin on such requests; one that is not ours is refused.
 * Scripts and the exam client send no {@code Origin} and are not affected.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SameOriginFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || SAFE_METHODS.contains(request.getMethod()) || sameOrigin(origin, request)) {
            return;
        }
        Locale locale = Messages.pick(request.getAcceptableLanguages());
        request.abortWith(Problem.of(locale, Status.FORBIDDEN, "cross-site",
                Messages.text(locale, "problem.cross-site.detail")).toResponse(locale));
    }

    private static boolean sameOrigin(String origin, ContainerRequestContext request) {
        String host = request.getHeaderString("Host");
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
