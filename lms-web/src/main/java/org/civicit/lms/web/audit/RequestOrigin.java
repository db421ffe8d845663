package org.civicit.lms.web.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.civicit.lms.audit.Origin;
import org.civicit.lms.web.platform.ClientAddress;
import org.civicit.lms.web.security.Caller;

/**
 * Who and where, for the audit log of this request. The address is the one the server
 * sees: behind a proxy, the proxy's, unless the proxy is one we trust to say otherwise.
 */
@RequestScoped
public class RequestOrigin implements Origin {

    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    @Inject
    HttpServletRequest request;

    @Inject
    Caller caller;

    @Inject
    ClientAddress clientAddress;

    private String fileName;

    @Override
    public String username() {
        return caller.username();
    }

    @Override
    public String address() {
        return clientAddress.of(request);
    }

    /** The file a page received as a form upload, or the one a script named in {@code Content-Disposition}. */
    @Override
    public String fileName() {
        if (fileName != null) {
            return fileName;
        }
        String disposition = request.getHeader("Content-Disposition");
        Matcher name = disposition == null ? null : FILE_NAME.matcher(disposition);
        return name != null && name.find() ? name.group(1).strip() : null;
    }

    /** Names the file this request carries, for a page that received it as a form upload. */
    public void upload(String name) {
        this.fileName = name == null || name.isBlank() ? null : name;
    }
}
