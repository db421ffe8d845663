package org.civicit.lms.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries. The browser may run scripts, load styles and send forms
 * only from here (Faces and PrimeFaces write inline scripts and handlers into the pages, so
 * those stay allowed, but nothing from another site is); it never guesses a content type;
 * it tells other sites no more than that a link came from us. Pages and API answers hold
 * personal data and are never stored by a browser or proxy; only the static resources
 * (scripts, styles, icons) may be cached.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResponseHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static final String[] STATIC_RESOURCES = {"/jakarta.faces.resource/", "/resources/", "/webjars/"};

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!isStatic(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        for (String prefix : STATIC_RESOURCES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
