package org.civicit.lms.web.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.roster.Account;
import org.civicit.lms.roster.Accounts;

/** Checks usernames and passwords against the accounts; their roles become the caller's groups. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        CredentialValidationResult result = accounts.verify(credential.getCaller(), credential.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.getUsername(), groups(account)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
        audit.login(credential.getCaller(), result.getStatus() == CredentialValidationResult.Status.VALID);
        return result;
    }

    private static Set<String> groups(Account account) {
        return account.getRoles().stream().map(Enum::name).collect(Collectors.toSet());
    }
}
