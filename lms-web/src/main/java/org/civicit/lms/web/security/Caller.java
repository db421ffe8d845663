package org.civicit.lms.web.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Scope;

/**
 * Who is calling, as the database has it now: a login kept in a session carries the roles
 * it had when it was made, so roles and the right to log in are read again on each
 * request (one indexed lookup). Also the agencies the caller may see: all for an admin,
 * an HR account's subtree, else none.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    private Optional<Account> account;

    private Optional<Account> account() {
        if (account == null) {
            account = request.getUserPrincipal() == null ? Optional.empty()
                    : accounts.find(request.getUserPrincipal().getName()).filter(Account::mayLogIn);
        }
        return account;
    }

    /** Whether someone is logged in whose account may still log in. */
    public boolean isKnown() {
        return account().isPresent();
    }

    public Set<Role> roles() {
        return account().map(Account::getRoles).orElse(Set.of());
    }

    /** Whether the caller is this official, by the account's link, not by a name that looks alike. */
    public boolean isOfficial(String employeeCode) {
        return account().map(Account::getOfficial)
                .map(official -> official.getEmployeeCode().equals(employeeCode))
                .orElse(false);
    }

    /** The official the caller logs in as, when it is one. */
    public Optional<Official> official() {
        return account().map(Account::getOfficial);
    }

    /** The official the caller logs in as; an account that is not an official's may not do what trainees do. */
    public Official trainee() {
        return official().orElseThrow(() -> new BusinessException.Forbidden("caller.notAnOfficial"));
    }

    public String username() {
        return account().map(Account::getUsername).orElse(null);
    }

    public boolean isAdmin() {
        return roles().contains(Role.ADMIN);
    }

    public Scope scope() {
        if (isAdmin()) {
            return Scope.ALL;
        }
        Account known = account().orElse(null);
        if (known != null && known.getRoles().contains(Role.HR) && known.getAgency() != null) {
            return Scope.subtree(known.getAgency());
        }
        return Scope.NONE;
    }
}
