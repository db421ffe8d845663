package org.civicit.lms.web.problem;

import java.util.Locale;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.civicit.lms.platform.BusinessException;

/** What a page tells its user after an action, in the page's language, from the {@code i18n} bundle. */
public final class PageMessages {

    private PageMessages() {
    }

    public static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public static String text(String key, Object... arguments) {
        return Messages.text(locale(), key, arguments);
    }

    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(text(key, arguments)));
    }

    public static void error(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    }

    /** A refusal by the rules, told on the page instead of an error page. */
    public static void refusal(BusinessException e) {
        error(e.messageKey(), e.arguments().toArray());
    }
}
