package org.civicit.lms.web.security;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.Problem;

/**
 * Enforces {@link RolesAllowed} and {@link PermitAll} on every resource method, method
 * first, then class. A method with neither is closed to everyone: access is granted on
 * purpose, never by omission. Roles are the account's as the database has them now (see
 * {@link Caller}). Anonymous callers get 401 with the Basic challenge, callers without the
 * role 403, both as problems.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement method = resource.getResourceMethod();
        AnnotatedElement type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : type.isAnnotationPresent(PermitAll.class) ? null : type.getAnnotation(RolesAllowed.class);
        if (roles == null && type.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        context.register(new Filter(roles == null ? new String[0] : roles.value()));
    }

    /** Ahead of the runtime's own {@code @RolesAllowed} check, so that its answers are ours. */
    @Priority(Priorities.AUTHORIZATION - 1)
    private static final class Filter implements ContainerRequestFilter {

        private final String[] roles;

        Filter(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = CDI.current().select(Caller.class).get();
            Locale locale = Messages.pick(request.getAcceptableLanguages());
            if (!caller.isKnown()) {
                request.abortWith(Response.fromResponse(Problem.of(locale, Status.UNAUTHORIZED, "unauthorized",
                                Messages.text(locale, "problem.unauthorized.detail")).toResponse(locale))
                        .header(HttpHeaders.WWW_AUTHENTICATE, LmsAuthenticationMechanism.REALM)
                        .build());
            } else if (Arrays.stream(roles).noneMatch(role -> caller.roles().stream().map(Enum::name)
                    .anyMatch(role::equals))) {
                request.abortWith(Problem.of(locale, Status.FORBIDDEN, "forbidden",
                        Messages.text(locale, "problem.forbidden.detail")).toResponse(locale));
            }
        }
    }
}
