package org.civicit.lms.web.security;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.civicit.lms.roster.Role;

/**
 * The pages' answer to a change of account after login. The container lets a page in by the
 * roles the login had (web.xml); this checks them again against the database, as the API
 * does: a login whose account may no longer log in is ended and sent to the login page, and
 * a caller whose role was taken away gets the "not for you" page.
 */
@WebFilter(urlPatterns = {"/admin/*", "/hr/*", "/instructor/*", "/trainee/*"})
public class PageAccessFilter extends HttpFilter {

    /** Who may open each area; the same roles as web.xml's security constraints. */
    private static final Map<String, Set<Role>> AREAS = Map.of(
            "/admin/", EnumSet.of(Role.ADMIN),
            "/hr/", EnumSet.of(Role.HR, Role.ADMIN),
            "/instructor/", EnumSet.of(Role.INSTRUCTOR, Role.ADMIN),
            "/trainee/", EnumSet.of(Role.TRAINEE));

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !caller.isKnown()) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            return;
        }
        Set<Role> allowed = AREAS.entrySet().stream()
                .filter(area -> request.getServletPath().startsWith(area.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(Set.of());
        if (caller.isKnown() && caller.roles().stream().noneMatch(allowed::contains)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
