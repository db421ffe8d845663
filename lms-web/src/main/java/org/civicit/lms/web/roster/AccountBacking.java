package org.civicit.lms.web.roster;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.PasswordResets;
import org.civicit.lms.web.platform.LanguageBacking;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code account.xhtml} (anyone logged in: its own password and language), and
 * {@code forgot.xhtml} and {@code reset.xhtml} (nobody logged in: a link by e-mail, then a
 * new password), all through the same rules as the API.
 */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    Accounts accounts;

    @Inject
    PasswordResets resets;

    @Inject
    ResetLinks links;

    @Inject
    HttpServletRequest request;

    @Inject
    LanguageBacking language;

    @Inject
    Caller caller;

    private String current;
    private String next;
    private String repeat;
    private String chosenLanguage;
    private String username;
    private String token;
    private boolean done;

    public void changePassword() {
        if (!next.equals(repeat)) {
            PageMessages.error("account.password.mismatch");
            return;
        }
        try {
            accounts.changeOwnPassword(caller.username(), current, next);
            PageMessages.info("account.password.changed");
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void saveLanguage() {
        accounts.chooseLanguage(caller.username(), chosenLanguage);
        language.use(chosenLanguage);
        PageMessages.info("account.language.saved");
    }

    /** The same answer whatever the username, as the API gives. */
    public void sendLink() {
        links.send(username, request.getRequestURL().toString().replaceFirst("[^/]*$", ""));
        PageMessages.info("reset.requested");
        done = true;
    }

    public void reset() {
        if (!next.equals(repeat)) {
            PageMessages.error("account.password.mismatch");
            return;
        }
        try {
            resets.reset(token, next);
            PageMessages.info("reset.done");
            done = true;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public String getChosenLanguage() {
        return chosenLanguage != null ? chosenLanguage : language.getLocale().getLanguage();
    }

    public void setChosenLanguage(String chosenLanguage) {
        this.chosenLanguage = chosenLanguage;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isDone() {
        return done;
    }
}
