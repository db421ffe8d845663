package org.civicit.lms.web.platform;

import java.io.Serializable;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The language of the pages: the browser's choice among Vietnamese and English, until the visitor picks one. */
@Named("language")
@SessionScoped
public class LanguageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale chosen;

    public Locale getLocale() {
        return chosen != null ? chosen : FacesContext.getCurrentInstance().getApplication()
                .getViewHandler().calculateLocale(FacesContext.getCurrentInstance());
    }

    public String use(String language) {
        chosen = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
        return null;
    }
}
