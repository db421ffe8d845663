package org.civicit.lms.web.security;

import java.lang.reflect.AnnotatedElement;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.civicit.lms.roster.Role;
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
            } else {
                request.setSecurityContext(new DatabaseRoles(request.getSecurityContext(), caller.roles()));
            }
        }
    }

    /**
     * The request's security context with the roles read from the database, so that the
     * runtime's own {@code @RolesAllowed} check agrees with this one. Under load the
     * container's session login sometimes loses the caller's groups (Payara issue 6145),
     * which would refuse a trainee's answer with a 403 it should never get.
     */
    private record DatabaseRoles(SecurityContext container, Set<Role> roles) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return container.getUserPrincipal();
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.stream().map(Enum::name).anyMatch(role::equals);
        }

        @Override
        public boolean isSecure() {
            return container.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return container.getAuthenticationScheme();
        }
    }
}
