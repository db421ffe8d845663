package org.civicit.lms.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Behind {@code login.xhtml} and the logout button of every page. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public String login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                // Straight to the page of their work; a protected page asked for first was
                // already answered with SEND_CONTINUE.
                boolean staff = external.isUserInRole("HR") || external.isUserInRole("ADMIN");
                external.redirect(external.getRequestContextPath() + (staff ? "/hr/dashboard.xhtml" : "/"));
                faces.responseComplete();
            }
            default -> {
                boolean locked = external.getRequestMap().get(LmsAuthenticationMechanism.LOCKED_UNTIL) != null;
                boolean busy = external.getRequestMap().get(LmsAuthenticationMechanism.BUSY) != null;
                String text = faces.getApplication().getResourceBundle(faces, "i18n")
                        .getString(locked ? "login.locked" : busy ? "login.busy" : "login.failed");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            }
        }
        return null;
    }

    public String logout() throws ServletException {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        request.logout();
        faces.getExternalContext().invalidateSession();
        return "/index?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
