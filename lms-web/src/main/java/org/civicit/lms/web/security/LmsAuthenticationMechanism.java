package org.civicit.lms.web.security;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;

import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.LoginThrottle;
import org.civicit.lms.roster.PasswordChecks;
import org.civicit.lms.web.platform.LanguageBacking;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.Problem;

/**
 * One way in for both kinds of client: HTTP Basic for the API, the login form for the
 * pages. The login is kept in the session ({@link AutoApplySession}), so a client that
 * keeps its cookie pays the slow password hash once, not on every request. The caller's
 * name and groups are also kept as a serialisable attribute of the session, which
 * {@link KeptLoginInterceptor} applies: in a cluster the session moves to another node when
 * its node dies, and the container's own record of the login arrives there without the
 * groups. Protected pages send an anonymous visitor to the login form; the API answers 401
 * itself (see {@link RoleCheck}).
 */
@ApplicationScoped
@AutoApplySession
@KeptLogin
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
public class LmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(LmsAuthenticationMechanism.class.getName());
    public static final String REALM = "Basic realm=\"LMS\", charset=\"UTF-8\"";

    /** Set on a login page's request when its login was refused for too many failures. */
    public static final String LOCKED_UNTIL = LmsAuthenticationMechanism.class.getName() + ".lockedUntil";

    /** Set on a login page's request when too many logins were being checked at once. */
    public static final String BUSY = LmsAuthenticationMechanism.class.getName() + ".busy";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    Accounts accounts;

    @Inject
    LanguageBacking language;

    /** The session attribute that holds the login. */
    static final String SIGNED_IN = LmsAuthenticationMechanism.class.getName() + ".signedIn";

    /** Who logged in on this session, and in which groups: what another node needs to go on. */
    record SignedIn(String name, TreeSet<String> groups) implements Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential formCredential = context.getAuthParameters().getCredential();
        if (formCredential instanceof UsernamePasswordCredential form) {
            Optional<OffsetDateTime> locked = throttle.lockedUntil(form.getCaller(), request.getRemoteAddr());
            if (locked.isPresent()) {
                // The login page tells the clerk itself (LoginBacking); no container error page.
                request.setAttribute(LOCKED_UNTIL, locked.get());
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result;
            try {
                result = counted(form, identityStores.validate(form), request);
            } catch (RuntimeException e) {
                if (!busy(e)) {
                    throw e;
                }
                request.setAttribute(BUSY, true);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                // The pages open in the language the person chose last time.
                accounts.find(form.getCaller()).map(Account::getLanguage).ifPresent(language::keep);
                keep(request, result);
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (formCredential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(formCredential));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decode(authorization.substring(6).strip());
        CredentialValidationResult result;
        try {
            Optional<OffsetDateTime> locked = credential == null ? Optional.empty()
                    : throttle.lockedUntil(credential.getCaller(), request.getRemoteAddr());
            if (locked.isPresent()) {
                return tooManyFailures(request, response, locked.get());
            }
            result = credential == null ? CredentialValidationResult.INVALID_RESULT
                    : counted(credential, identityStores.validate(credential), request);
        } catch (RuntimeException e) {
            // Here no JAX-RS mapper is in reach: the API client still gets a problem, not an HTML page.
            return busy(e) ? busy(request, response) : failure(request, response, e);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            keep(request, result);
            return context.notifyContainerAboutLogin(result);
        }
        return refuse(request, response);
    }

    /** Remembers a login in the session (made now if there is none yet), for the requests that follow. */
    private static void keep(HttpServletRequest request, CredentialValidationResult result) {
        request.getSession(true).setAttribute(SIGNED_IN,
                new SignedIn(result.getCallerPrincipal().getName(), new TreeSet<>(result.getCallerGroups())));
    }

    /** Counts a failed login to any username, existing or not, and forgets the failures on success. */
    private CredentialValidationResult counted(UsernamePasswordCredential credential, CredentialValidationResult result,
            HttpServletRequest request) {
        String username = credential.getCaller();
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username, request.getRemoteAddr());
        } else if (username != null) {
            throttle.failed(username, request.getRemoteAddr());
        }
        return result;
    }

    /** Too many failed logins from this address: 429 as a problem, with when to try again. */
    private static AuthenticationStatus tooManyFailures(HttpServletRequest request, HttpServletResponse response,
            OffsetDateTime until) {
        Locale locale = locale(request);
        long seconds = Math.max(1, Duration.between(OffsetDateTime.now(), until).toSeconds());
        response.setHeader("Retry-After", String.valueOf(seconds));
        return send(response, Problem.of(locale, Status.TOO_MANY_REQUESTS, "too-many-logins",
                Messages.text(locale, "problem.too-many-logins.detail", (seconds + 59) / 60)));
    }

    /** Whether a login failed only because too many were being checked at once; the identity store's caller wraps it. */
    private static boolean busy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PasswordChecks.Busy) {
                return true;
            }
        }
        return false;
    }

    /** Too many logins being checked at once: 503 as a problem, with when to try again. */
    private static AuthenticationStatus busy(HttpServletRequest request, HttpServletResponse response) {
        Locale locale = locale(request);
        response.setHeader("Retry-After", String.valueOf(PasswordChecks.Busy.RETRY_AFTER_SECONDS));
        return send(response, Problem.of(locale, Status.SERVICE_UNAVAILABLE, "logins-busy",
                Messages.text(locale, "problem.logins-busy.detail", PasswordChecks.Busy.RETRY_AFTER_SECONDS)));
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A wrong username or password: 401 as a problem, never the container's HTML page. */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response) {
        Locale locale = locale(request);
        response.setHeader("WWW-Authenticate", REALM);
        return send(response, Problem.of(locale, Status.UNAUTHORIZED, "bad-credentials",
                Messages.text(locale, "problem.bad-credentials.detail")));
    }

    private static AuthenticationStatus failure(HttpServletRequest request, HttpServletResponse response,
            RuntimeException e) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId + " while checking a login", e);
        Locale locale = locale(request);
        return send(response, Problem.of(locale, Status.INTERNAL_SERVER_ERROR, "server-error",
                Messages.text(locale, "problem.server-error.detail", errorId)).withErrorId(errorId));
    }

    // Without the header the servlet API reports the server's locale, not the caller's choice.
    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Messages.VIETNAMESE
                : Messages.pick(Collections.list(request.getLocales()));
    }

    private static AuthenticationStatus send(HttpServletResponse response, Problem problem) {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(problem.toJson());
            response.flushBuffer();
        } catch (IOException clientGone) {
            // Nothing left to tell.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
