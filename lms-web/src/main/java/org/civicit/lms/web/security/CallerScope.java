package org.civicit.lms.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Scope;

/**
 * The agencies the current caller may see: all for an admin, an HR account's subtree, else
 * none. Read from the servlet request, which the API and the pages share.
 */
@RequestScoped
public class CallerScope {

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    private Scope scope;

    public Scope get() {
        if (scope == null) {
            scope = resolve();
        }
        return scope;
    }

    private Scope resolve() {
        if (request.getUserPrincipal() == null) {
            return Scope.NONE;
        }
        if (request.isUserInRole(Role.ADMIN.name())) {
            return Scope.ALL;
        }
        if (request.isUserInRole(Role.HR.name())) {
            Account account = accounts.find(request.getUserPrincipal().getName()).orElse(null);
            if (account != null && account.getAgency() != null) {
                return Scope.subtree(account.getAgency());
            }
        }
        return Scope.NONE;
    }
}
