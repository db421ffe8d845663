package org.civicit.lms.roster;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.civicit.lms.audit.AuditAction;
import org.civicit.lms.audit.AuditLog;
import org.civicit.lms.audit.Details;
import org.civicit.lms.platform.BusinessException;

/**
 * Logins: the built-in admin, officials (as trainees, by employee code), HR and
 * instructors. Passwords are kept only as slow salted PBKDF2 hashes.
 */
@ApplicationScoped
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 200;
    // Far above Jakarta Security's default of 2,048; near OWASP's advice for SHA-512.
    private static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Roster roster;

    @Inject
    PasswordChecks passwordChecks;

    @Inject
    AuditLog audit;

    /** Verified against when a username is unknown, so a wrong name costs as long as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(HASH_PARAMETERS);
        decoyHash = passwordHash.generate("decoy-password".toCharArray());
    }

    /**
     * The account a username and password open, if they do and it may log in. The slow hash
     * waits its turn among {@link PasswordChecks} and runs outside any transaction, holding no
     * database connection.
     */
    public Optional<Account> verify(String username, String password) {
        Optional<Account> account = find(username);
        String hash = account.map(Account::getPasswordHash).orElse(decoyHash);
        boolean matches = passwordChecks.run(() -> passwordHash.verify(password.toCharArray(), hash));
        return account.filter(a -> matches && a.mayLogIn());
    }

    /**
     * A person changes its own password: the new one follows the same rule as any password
     * (checked first, 422), the current one proves it is them (a wrong one is refused, 403).
     */
    @Transactional
    public void changeOwnPassword(String username, String current, String next) {
        String newHash = hash(next);
        Account account = find(username).filter(Account::mayLogIn)
                .orElseThrow(() -> new BusinessException.Forbidden("roster.password.wrongCurrent"));
        if (current == null || !passwordHash.verify(current.toCharArray(), account.getPasswordHash())) {
            throw new BusinessException.Forbidden("roster.password.wrongCurrent");
        }
        account.setPasswordHash(newHash);
    }

    /** Sets a password from a reset link, which {@link PasswordResets} has checked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void resetPassword(Account account, String next) {
        account.setPasswordHash(hash(next));
    }

    /** Keeps the pages' language a person chose for its next login; only Vietnamese or English. */
    @Transactional
    public void chooseLanguage(String username, String language) {
        if (!"vi".equals(language) && !"en".equals(language)) {
            throw new BusinessException.Invalid("roster.language", language);
        }
        find(username).ifPresent(account -> account.setLanguage(language));
    }

    /**
     * The usernames of the accounts holding a role that contain the text (any case), in
     * order, at most {@code max}: whom to offer as a class's instructor, say.
     */
    public List<String> withRole(Role role, String text, int max) {
        return em.createQuery("SELECT a.username FROM Account a WHERE :role MEMBER OF a.roles"
                        + " AND LOWER(a.username) LIKE :text ESCAPE '\\' ORDER BY a.username", String.class)
                .setParameter("role", role).setParameter("text", containing(text))
                .setMaxResults(max).getResultList();
    }

    /** A LIKE pattern for usernames containing the text, any case, its wildcards taken as written. */
    private static String containing(String text) {
        return "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
    }

    @Transactional
    public Optional<Account> find(String username) {
        return em.createNamedQuery(Account.FIND_BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /**
     * Sets the password an official logs in with, creating their trainee account if needed.
     * A username that belongs to a staff account of no official, or of another one, is not
     * the official's to change; and only the admin may reset an account with more than the
     * trainee role, so that HR cannot take over a staff account.
     */
    @Transactional
    public void setOfficialPassword(Scope scope, boolean callerIsAdmin, String employeeCode, String password) {
        Official official = roster.official(scope, employeeCode)
                .orElseThrow(() -> new BusinessException.NotFound("roster.official.notFound", employeeCode));
        Optional<Account> existing = find(employeeCode);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (account.getOfficial() == null || !account.getOfficial().getId().equals(official.getId())) {
                throw new BusinessException.Forbidden("roster.password.notOfficialsAccount", employeeCode);
            }
            if (!callerIsAdmin && !account.getRoles().equals(EnumSet.of(Role.TRAINEE))) {
                throw new BusinessException.Forbidden("roster.password.staffAccount", employeeCode);
            }
        }
        Account account = existing.orElseGet(() -> persist(new Account(employeeCode)));
        account.setOfficial(official);
        account.getRoles().add(Role.TRAINEE);
        account.setPasswordHash(hash(password));
        audit.record(AuditAction.PASSWORD_SET, "account:" + employeeCode, null);
    }

    /**
     * Creates or changes a staff account. An HR account needs the agency whose subtree it
     * manages; a username that is an employee code belongs to that official, who stays a trainee.
     *
     * @param password {@code null} keeps the current one
     * @return whether the account is new
     */
    @Transactional
    public boolean save(String username, String password, Set<Role> roles, String agencyCode) {
        if (username == null || username.isBlank() || username.length() > 40) {
            throw new BusinessException.Invalid("roster.account.username");
        }
        Agency agency = agencyCode == null ? null : roster.agency(Scope.ALL, agencyCode)
                .orElseThrow(() -> new BusinessException.Invalid("roster.account.unknownAgency", agencyCode));
        if (roles.contains(Role.HR) && agency == null) {
            throw new BusinessException.Invalid("roster.account.hrNeedsAgency");
        }
        Optional<Account> existing = find(username);
        if (agency != null && !agency.isActive()
                && existing.map(a -> a.getAgency() == null || !a.getAgency().getId().equals(agency.getId())).orElse(true)) {
            throw new BusinessException.Invalid("roster.account.inactiveAgency", agencyCode);
        }
        if (existing.isEmpty() && password == null) {
            throw new BusinessException.Invalid("roster.password.required");
        }
        Account account = existing.orElseGet(() -> persist(new Account(username)));
        Set<Role> granted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        roster.official(Scope.ALL, username).ifPresent(official -> {
            account.setOfficial(official);
            granted.add(Role.TRAINEE);
        });
        account.setRoles(granted);
        account.setAgency(agency);
        if (password != null) {
            account.setPasswordHash(hash(password));
        }
        audit.record(existing.isEmpty() ? AuditAction.ACCOUNT_CREATED : AuditAction.ACCOUNT_CHANGED,
                "account:" + username, Details.of("roles", granted.toString(), "agency", agencyCode,
                        "passwordChanged", password != null));
        return existing.isEmpty();
    }

    /** Creates a staff account; a username already taken is refused rather than changed. */
    @Transactional
    public void create(String username, String password, Set<Role> roles, String agencyCode) {
        if (username != null && find(username.strip()).isPresent()) {
            throw new BusinessException.Conflict("roster.account.exists", username.strip());
        }
        save(username == null ? null : username.strip(), password == null ? "" : password, roles, agencyCode);
    }

    /**
     * Disables or enables an account. A disabled account keeps its roles and history but cannot
     * log in, and a login already open ends at its next request. No one disables its own account,
     * so the admin cannot lock itself out.
     */
    @Transactional
    public void setDisabled(String username, boolean disabled, String by) {
        Account account = find(username)
                .orElseThrow(() -> new BusinessException.NotFound("roster.account.notFound", username));
        if (disabled && username.equals(by)) {
            throw new BusinessException.Invalid("roster.account.disableSelf");
        }
        if (account.isDisabled() != disabled) {
            account.setDisabled(disabled);
            audit.record(disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED,
                    "account:" + username, null);
        }
    }

    /** The admin sets a new password on any account, under the same rule as every password. */
    @Transactional
    public void setPassword(String username, String password) {
        String newHash = hash(password);
        Account account = find(username)
                .orElseThrow(() -> new BusinessException.NotFound("roster.account.notFound", username));
        account.setPasswordHash(newHash);
        audit.record(AuditAction.PASSWORD_SET, "account:" + username, null);
    }

    /**
     * Accounts whose username contains the text (any case), by username, at most {@code max};
     * {@code staffOnly} leaves out the accounts that only have the trainee role.
     */
    public List<Account> search(String text, boolean staffOnly, int max) {
        String pattern = containing(text);
        TypedQuery<Account> query = em.createQuery("SELECT a FROM Account a LEFT JOIN FETCH a.agency"
                + " WHERE LOWER(a.username) LIKE :text ESCAPE '\\'" + (staffOnly ? " AND EXISTS (SELECT r FROM"
                + " Account b JOIN b.roles r WHERE b = a AND r <> :trainee)" : "") + " ORDER BY a.username", Account.class)
                .setParameter("text", pattern);
        if (staffOnly) {
            query.setParameter("trainee", Role.TRAINEE);
        }
        return query.setMaxResults(max)
                .getResultList();
    }

    /**
     * Makes sure the built-in admin exists. A configured password is applied at every
     * start; without one, a random password is made at the first start only.
     *
     * @return the generated password, to be shown once, when one was made
     */
    @Transactional
    public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
        Optional<Account> existing = find(Account.ADMIN_USERNAME);
        if (existing.isPresent() && configuredPassword.isEmpty()) {
            return Optional.empty();
        }
        Account admin = existing.orElseGet(() -> persist(new Account(Account.ADMIN_USERNAME)));
        admin.setRoles(EnumSet.of(Role.ADMIN));
        String password = configuredPassword.orElseGet(Accounts::randomPassword);
        admin.setPasswordHash(hash(password));
        audit.record(AuditAction.PASSWORD_SET, "account:" + Account.ADMIN_USERNAME, null);
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }

    private String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new BusinessException.Invalid("roster.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
        }
        return passwordHash.generate(password.toCharArray());
    }

    private Account persist(Account account) {
        em.persist(account);
        return account;
    }

    /** A password no one can guess, for accounts whose first password is shown once (the admin, the demo's). */
    public static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
