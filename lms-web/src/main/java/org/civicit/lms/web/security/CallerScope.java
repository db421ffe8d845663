package org.civicit.lms.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Scope;

/** The agencies the current caller may see: all for an admin, an HR account's subtree, else none. */
@RequestScoped
public class CallerScope {

    @Inject
    SecurityContext security;

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
        if (security.getCallerPrincipal() == null) {
            return Scope.NONE;
        }
        if (security.isCallerInRole(Role.ADMIN.name())) {
            return Scope.ALL;
        }
        if (security.isCallerInRole(Role.HR.name())) {
            Account account = accounts.find(security.getCallerPrincipal().getName()).orElse(null);
            if (account != null && account.getAgency() != null) {
                return Scope.subtree(account.getAgency());
            }
        }
        return Scope.NONE;
    }
}
