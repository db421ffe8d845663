package org.civicit.lms.web.problem;

import java.io.IOException;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to a page opened for something that is not there, or not the caller's to see:
 * the site's "no such page", the same for both so that a page tells nothing of what exists.
 */
public final class NoSuchPage {

    private NoSuchPage() {
    }

    /** Answers 404 and ends the page's work, so that nothing of it is drawn. */
    public static void answer() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
        faces.responseComplete();
    }
}
