package org.civicit.lms.web.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In a cluster every answer names the node that served it ({@code X-LMS-Node}), so that an
 * operator behind the load balancer can tell which one to look at. The node's name comes
 * from the system property {@code lms.node} or the environment variable {@code LMS_NODE},
 * which scripts/cluster sets per node; a single server has neither and sends no header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NodeHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-LMS-Node";

    private final String node = nodeName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (node != null) {
            response.setHeader(HEADER, node);
        }
        chain.doFilter(request, response);
    }

    private static String nodeName() {
        String name = System.getProperty("lms.node", System.getenv("LMS_NODE"));
        return name == null || name.isBlank() ? null : name.strip();
    }
}
