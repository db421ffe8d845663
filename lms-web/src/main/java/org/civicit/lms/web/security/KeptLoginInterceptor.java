package org.civicit.lms.web.security;

import java.io.Serializable;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.civicit.lms.web.security.LmsAuthenticationMechanism.SignedIn;

/**
 * A request of a session that logged in earlier is that caller, with the groups it logged
 * in with, on whichever node it arrives: in a cluster the session comes from the data grid
 * when its node died, and the container's own record of the login then lacks the groups
 * (every page of the caller's area would answer 403). Runs before the platform's session and
 * login-page interceptors, which would otherwise answer first; a login in progress (a form's
 * credentials) goes on to the mechanism.
 */
@KeptLogin
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class KeptLoginInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public Object applyKeptLogin(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if ("validateRequest".equals(invocation.getMethod().getName()) && parameters.length == 3
                && parameters[0] instanceof HttpServletRequest request
                && parameters[2] instanceof HttpMessageContext context
                && context.getAuthParameters().getCredential() == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(LmsAuthenticationMechanism.SIGNED_IN) instanceof SignedIn known) {
                return context.notifyContainerAboutLogin(known.name(), Set.copyOf(known.groups()));
            }
        }
        return invocation.proceed();
    }
}
