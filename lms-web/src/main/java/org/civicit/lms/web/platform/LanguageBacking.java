package org.civicit.lms.web.platform;

import java.io.Serializable;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The language of the pages: Vietnamese until the visitor picks English. The browser's
 * language is not asked: many officials' computers are set to English though they read
 * Vietnamese.
 */
@Named("language")
@SessionScoped
public class LanguageBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Locale chosen = VIETNAMESE;

    public Locale getLocale() {
        return chosen;
    }

    public String use(String language) {
        keep(language);
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
        return null;
    }

    /** The language of the pages from the next one on, outside a page's own request (as at login). */
    public void keep(String language) {
        chosen = "en".equals(language) ? Locale.ENGLISH : VIETNAMESE;
    }
}
